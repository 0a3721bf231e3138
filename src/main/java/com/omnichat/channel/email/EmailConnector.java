package com.omnichat.channel.email;

import com.omnichat.channel.Capability;
import com.omnichat.channel.ChannelProperties;
import com.omnichat.channel.ChannelType;
import com.omnichat.channel.ClientProfile;
import com.omnichat.channel.ConnectionCheck;
import com.omnichat.channel.InboundAttachment;
import com.omnichat.channel.MailDetails;
import com.omnichat.channel.MailThread;
import com.omnichat.channel.OutboundMessage;
import com.omnichat.channel.connector.ChannelConnector;
import com.omnichat.channel.connector.ConnectedChannel;
import com.omnichat.channel.connector.DeliveryException;
import com.omnichat.channel.connector.InboundEvent;
import com.omnichat.channel.connector.MediaPolicy;
import com.omnichat.channel.connector.MediaRef;
import com.omnichat.channel.connector.ParsedEvent;
import com.omnichat.channel.connector.PollResult;
import com.omnichat.channel.connector.ProviderErrors;
import com.omnichat.channel.connector.SecretField;
import com.omnichat.channel.connector.SendProgress;
import com.omnichat.channel.connector.SettingField;
import com.omnichat.channel.connector.UnparseableEventException;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * E-mail: a mailbox polled over IMAP (a clustered Quartz job per channel, one node at a time),
 * answered over SMTP. Every polled mail is kept raw as the channel's inbound event (key: its
 * Message-ID, so a mail read twice is stored once); the client is the sender's lower-cased
 * address. Files are fetched from the mailbox in the background (the message shows at once).
 */
@Component
public class EmailConnector implements ChannelConnector {

    /** Mails stored per poll: a large mailbox connected for the first time is read in portions. */
    private static final int BATCH = 50;

    private final MailboxGenerations generations;
    private final String sslTrust;
    private final Duration recheck;

    EmailConnector(MailboxGenerations generations, ChannelProperties properties) {
        this.generations = generations;
        this.sslTrust = properties.email().sslTrust();
        this.recheck = properties.email().recheck();
    }

    @Override
    public ChannelType type() {
        return ChannelType.EMAIL;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(
                Capability.POLLING_RECEIVE,
                Capability.SEND_TEXT,
                Capability.REPLY,
                Capability.SEND_IMAGE,
                Capability.SEND_FILE,
                Capability.START_BY_EMAIL);
    }

    @Override
    public List<SecretField> secretFields() {
        return List.of(
                SecretField.asked(EmailSettings.LOGIN, "channels.email.login"),
                SecretField.asked(EmailSettings.PASSWORD, "channels.email.password"));
    }

    @Override
    public List<SettingField> settingFields() {
        return List.of(
                new SettingField(EmailSettings.ADDRESS, "channels.email.address", false),
                new SettingField(EmailSettings.DISPLAY_NAME, "channels.email.display-name", false),
                new SettingField(EmailSettings.IMAP_HOST, "channels.email.imap-host", false),
                new SettingField(EmailSettings.IMAP_PORT, "channels.email.imap-port", false),
                new SettingField(EmailSettings.IMAP_SECURITY, "channels.email.imap-security", false),
                new SettingField(EmailSettings.SMTP_HOST, "channels.email.smtp-host", false),
                new SettingField(EmailSettings.SMTP_PORT, "channels.email.smtp-port", false),
                new SettingField(EmailSettings.SMTP_SECURITY, "channels.email.smtp-security", false));
    }

    /** Logs in to both servers: IMAP (opens the INBOX) and SMTP. */
    @Override
    public ConnectionCheck checkConnection(ConnectedChannel channel) {
        EmailSettings settings;
        try {
            settings = EmailSettings.of(channel);
        } catch (RuntimeException e) {
            return ProviderErrors.failedCheck(e, channel);
        }
        int messages;
        try {
            messages = new ImapMailbox(settings, sslTrust).check();
        } catch (MessagingException | RuntimeException e) {
            return ConnectionCheck.failed("IMAP: " + describe(e, channel));
        }
        try {
            new SmtpMailer(settings, sslTrust).check();
        } catch (MessagingException | RuntimeException e) {
            return ConnectionCheck.failed("SMTP: " + describe(e, channel));
        }
        return ConnectionCheck.ok(settings.address() + " (" + messages + ")");
    }

    // ---- receiving ----

    @Override
    public PollResult poll(ConnectedChannel channel, @Nullable String cursor, Duration wait) {
        long value = cursor == null ? 0 : Long.parseLong(cursor);
        long generation = value >>> 32;
        long afterUid = value & 0xFFFFFFFFL;
        long knownValidity = generation == 0 ? -1 : generations.validityOf(channel.id(), generation);
        ImapMailbox.Batch batch;
        try {
            batch = new ImapMailbox(EmailSettings.of(channel), sslTrust)
                    .fetch(knownValidity, afterUid, BATCH, wait, recheck);
        } catch (MessagingException | IOException e) {
            throw new ProviderErrors.ProviderException(0, "IMAP: " + describe(e, channel), e);
        }
        long next = (generations.generationFor(channel.id(), batch.validity()) << 32) | batch.lastUid();
        List<PollResult.RawUpdate> updates = new ArrayList<>();
        for (ImapMailbox.Raw raw : batch.messages()) {
            updates.add(new PollResult.RawUpdate(key(raw.body()), raw.body()));
        }
        return new PollResult(updates, Long.toString(next));
    }

    /** The event key: the Message-ID (a mail read again after a UIDVALIDITY change is stored once). */
    private static String key(byte[] raw) {
        try {
            return "mail:" + clip(MailParser.parse(raw).messageId(), 180);
        } catch (MessagingException | IOException | RuntimeException e) {
            // Kept all the same (shown among the failed events): keyed by its content.
            return "mail:sha256:" + sha256(raw);
        }
    }

    @Override
    public ParsedEvent parse(ConnectedChannel channel, byte[] body) throws UnparseableEventException {
        MailParser.ParsedMail mail;
        try {
            mail = MailParser.parse(body);
        } catch (MessagingException | IOException | RuntimeException e) {
            throw new UnparseableEventException("Not a readable e-mail: " + ProviderErrors.describe(e), e);
        }
        String key = "mail:" + clip(mail.messageId(), 180);
        if (mail.bounce() != null) {
            // A delivery report about our mail: that message failed; the report itself is no chat message.
            return ParsedEvent.of(
                    key,
                    new InboundEvent.StatusUpdate(
                            mail.bounce().originalMessageId(),
                            InboundEvent.StatusUpdate.Status.FAILED,
                            clip(mail.bounce().reason(), 500)));
        }
        if (mail.fromAddress().equalsIgnoreCase(channel.setting(EmailSettings.ADDRESS))) {
            // Our own mail (a copy in the INBOX, a mail to ourselves): not a client's.
            return ParsedEvent.of(key);
        }
        List<MediaRef> media = new ArrayList<>();
        for (MailParser.MailFile file : mail.files()) {
            media.add(new MediaRef(
                    mediaReference(mail, file), file.fileName(), file.contentType(), file.size(), file.image()));
        }
        var details = new MailDetails(
                mail.subject(),
                mail.threadSubject(),
                mail.references(),
                mail.html(),
                mail.quoted(),
                mail.automatic(),
                mail.fromAddress());
        // No nickname: the address is the identity (and goes on the card as an unverified e-mail).
        var profile = new ClientProfile(mail.fromAddress(), mail.fromName(), null, null);
        String text = mail.text() == null || mail.text().isBlank() ? null : mail.text();
        return ParsedEvent.of(
                key,
                new InboundEvent.ClientMessage(
                        profile, clip(mail.messageId(), 200), text, media, null, mail.sentAt(), null, details));
    }

    private static String mediaReference(MailParser.ParsedMail mail, MailParser.MailFile file) {
        String uid = mail.imapUid() == null ? "0/0" : mail.imapUid();
        return uid.replace('/', ' ') + " " + file.path() + " " + mail.messageId();
    }

    @Override
    public InboundAttachment download(ConnectedChannel channel, MediaRef media, MediaPolicy policy) {
        if (media.size() != null) {
            policy.checkSize(media.size());
        }
        try {
            byte[] content =
                    new ImapMailbox(EmailSettings.of(channel), sslTrust).part(media.reference(), policy.maxBytes());
            String name = media.fileName() == null ? "file" : media.fileName();
            return new InboundAttachment(name, policy.contentType(media.contentType(), content), content);
        } catch (MessagingException | IOException e) {
            throw new ProviderErrors.ProviderException(0, "IMAP: " + describe(e, channel), e);
        }
    }

    // ---- sending ----

    @Override
    public String send(ConnectedChannel channel, OutboundMessage message, SendProgress progress)
            throws DeliveryException {
        if (progress.partsSent() > 0) {
            // One mail is one part: accepted already.
            return ownMessageId(channel, message.messageId());
        }
        EmailSettings settings;
        try {
            settings = EmailSettings.of(channel);
        } catch (RuntimeException e) {
            throw DeliveryException.permanent(
                    ProviderErrors.describe(e, channel.secrets().values()));
        }
        MailThread thread = message.mail() == null ? new MailThread(null, List.of()) : message.mail();
        String inReplyTo = message.replyToExternalId() != null
                ? message.replyToExternalId()
                : thread.messageIds().isEmpty() ? null : thread.messageIds().getLast();
        String id = ownMessageId(channel, message.messageId());
        SmtpMailer mailer = new SmtpMailer(settings, sslTrust);
        try {
            MimeMessage mail = mailer.build(message, id, thread.subject(), thread.messageIds(), inReplyTo);
            progress.beforePart();
            mailer.send(mail);
        } catch (SMTPAddressFailedException e) {
            throw DeliveryException.permanent(smtpAnswer(e.getReturnCode(), e.getMessage(), channel));
        } catch (SMTPSenderFailedException e) {
            throw DeliveryException.permanent(smtpAnswer(e.getReturnCode(), e.getMessage(), channel));
        } catch (SMTPSendFailedException e) {
            String reason = smtpAnswer(e.getReturnCode(), e.getMessage(), channel);
            throw e.getReturnCode() >= 500 ? DeliveryException.permanent(reason) : DeliveryException.retryable(reason);
        } catch (jakarta.mail.SendFailedException e) {
            // Every recipient refused (the nested exception carries the server's answer).
            if (e.getNextException() instanceof SMTPAddressFailedException a) {
                throw DeliveryException.permanent(smtpAnswer(a.getReturnCode(), a.getMessage(), channel));
            }
            throw DeliveryException.permanent("SMTP: " + describe(e, channel));
        } catch (AuthenticationFailedException e) {
            throw DeliveryException.retryable("SMTP: " + describe(e, channel));
        } catch (MessagingException e) {
            throw DeliveryException.retryable("SMTP: " + describe(e, channel));
        }
        progress.partSent(id);
        return id;
    }

    /**
     * Our Message-ID for a manager's message: the same on every retry, unique across
     * installations (a hash of the channel's random key), at the channel address's domain.
     */
    static String ownMessageId(ConnectedChannel channel, long messageId) {
        String address = channel.setting(EmailSettings.ADDRESS);
        return "omnichat." + messageId + "."
                + sha256(channel.key().getBytes(StandardCharsets.UTF_8)).substring(0, 12) + "@"
                + SmtpMailer.domain(address == null ? "localhost" : address);
    }

    private static String smtpAnswer(int code, @Nullable String answer, ConnectedChannel channel) {
        String text = answer == null ? "" : answer.strip();
        return ProviderErrors.describe(
                new ProviderErrors.ProviderException(code, "SMTP " + text),
                channel.secrets().values());
    }

    /** A mail error as the server put it (AUTHENTICATE failed, a refused address), never a secret. */
    private static String describe(Exception e, ConnectedChannel channel) {
        Throwable cause = e;
        if (e instanceof MessagingException m && m.getMessage() != null && !(m.getCause() instanceof IOException)) {
            cause = new ProviderErrors.ProviderException(0, m.getMessage());
        }
        return ProviderErrors.describe(cause, channel.secrets().values());
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static String sha256(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
