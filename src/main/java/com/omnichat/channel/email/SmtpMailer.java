package com.omnichat.channel.email;

import com.omnichat.channel.OutboundMessage;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Builds and sends a manager's mail: From the channel's address and display name, our own
 * Message-ID, In-Reply-To and References from the thread, "Re: subject", the text and files.
 */
final class SmtpMailer {

    /** How many ids of the thread go into References (the first and the newest, as RFC 5322 suggests). */
    private static final int REFERENCES_MAX = 20;

    private final EmailSettings settings;
    private final String sslTrust;

    SmtpMailer(EmailSettings settings, String sslTrust) {
        this.settings = settings;
        this.sslTrust = sslTrust;
    }

    /** Logs in to the SMTP server and logs out; for "check connection". */
    void check() throws MessagingException {
        try (Transport transport = connect()) {
            if (!transport.isConnected()) {
                throw new MessagingException("Not connected");
            }
        }
    }

    MimeMessage build(
            OutboundMessage message,
            String messageId,
            @Nullable String subject,
            List<String> thread,
            @Nullable String inReplyTo)
            throws MessagingException {
        MimeMessage mail = new FixedIdMessage(settings.smtpSession(sslTrust), messageId);
        try {
            mail.setFrom(new InternetAddress(settings.address(), settings.displayName(), "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        mail.setRecipients(Message.RecipientType.TO, InternetAddress.parse(message.recipientExternalUserId(), true));
        mail.setSubject(replySubject(subject, inReplyTo != null), "UTF-8");
        mail.setSentDate(new Date());
        if (inReplyTo != null) {
            mail.setHeader("In-Reply-To", "<" + inReplyTo + ">");
        }
        List<String> references = references(thread);
        if (!references.isEmpty()) {
            mail.setHeader(
                    "References",
                    String.join(
                            " ", references.stream().map(id -> "<" + id + ">").toList()));
        }
        String text = message.text() == null ? "" : message.text();
        if (message.files().isEmpty()) {
            mail.setText(text, "UTF-8");
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            body.setText(text, "UTF-8");
            mixed.addBodyPart(body);
            for (OutboundMessage.OutboundFile file : message.files()) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new jakarta.activation.DataHandler(
                        new ByteArrayDataSource(file.content(), file.contentType())));
                try {
                    part.setFileName(jakarta.mail.internet.MimeUtility.encodeText(file.fileName(), "UTF-8", null));
                } catch (UnsupportedEncodingException e) {
                    part.setFileName(file.fileName());
                }
                part.setDisposition(jakarta.mail.Part.ATTACHMENT);
                mixed.addBodyPart(part);
            }
            mail.setContent(mixed);
        }
        mail.saveChanges();
        return mail;
    }

    void send(MimeMessage mail) throws MessagingException {
        try (Transport transport = connect()) {
            transport.sendMessage(mail, mail.getAllRecipients());
        }
    }

    private Transport connect() throws MessagingException {
        Transport transport = settings.smtpSession(sslTrust).getTransport(settings.smtpProtocol());
        transport.connect(settings.smtpHost(), settings.smtpPort(), settings.login(), settings.password());
        return transport;
    }

    /** "Re: " once in front of the thread's subject (never "Re: Re:"). */
    static String replySubject(@Nullable String subject, boolean reply) {
        String s = subject == null ? "" : subject.strip();
        if (!reply || s.toLowerCase(Locale.ROOT).startsWith("re:")) {
            return s;
        }
        return "Re: " + s;
    }

    private static List<String> references(List<String> thread) {
        if (thread.size() <= REFERENCES_MAX) {
            return thread;
        }
        List<String> kept = new java.util.ArrayList<>();
        kept.add(thread.getFirst());
        kept.addAll(thread.subList(thread.size() - REFERENCES_MAX + 1, thread.size()));
        return kept;
    }

    /** A message keeping the Message-ID we chose (saveChanges would make up another one). */
    private static final class FixedIdMessage extends MimeMessage {

        private final String id;

        FixedIdMessage(jakarta.mail.Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + id + ">");
        }
    }

    static String domain(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? "localhost" : address.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
