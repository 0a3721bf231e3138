package com.omnichat.channel.email;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads one raw RFC 5322 message (as Jakarta Mail decodes it: RFC 2047 headers, any charset
 * the JDK knows such as windows-1251 and koi8-r, quoted-printable and base64 bodies) into
 * what the inbox needs. text/plain is preferred; HTML only when there is no plain text.
 */
final class MailParser {

    /** Our own header on a polled message: where it is in the mailbox ("uidvalidity/uid"). */
    static final String IMAP_UID_HEADER = "X-Omnichat-Imap-Uid";

    private static final Session SESSION = Session.getInstance(utf8Headers());
    private static final Pattern MESSAGE_ID = Pattern.compile("<([^<>\\s]+)>");
    private static final Pattern PREFIX = Pattern.compile(
            "^\\s*(re|fwd?|aw|wg|tr|sv|vs|отв|ответ|пересл|вiдп|відп|fw)\\s*(\\[\\d+])?\\s*:\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private MailParser() {}

    /** Raw UTF-8 in headers (RFC 6532, sent by many mail programs today) is read as UTF-8. */
    private static Properties utf8Headers() {
        Properties properties = new Properties();
        properties.put("mail.mime.allowutf8", "true");
        return properties;
    }

    static MimeMessage mime(byte[] raw) throws MessagingException {
        return new MimeMessage(SESSION, new ByteArrayInputStream(raw));
    }

    static ParsedMail parse(byte[] raw) throws MessagingException, IOException {
        MimeMessage message = mime(raw);
        String messageId = firstId(message.getHeader("Message-ID", null));
        if (messageId == null) {
            // No Message-ID (rare, broken mailers): the content itself identifies the mail.
            messageId = "sha256:" + sha256(raw);
        }
        InternetAddress from = sender(message);
        String subject = subject(message);
        MimeWalk walk = new MimeWalk();
        walk.visit(message, "");
        List<String> references = new ArrayList<>();
        references.addAll(ids(message.getHeader("In-Reply-To", " ")));
        List<String> refs = ids(message.getHeader("References", " "));
        for (int i = refs.size() - 1; i >= 0; i--) {
            references.add(refs.get(i));
        }
        references = List.copyOf(new LinkedHashSet<>(references));

        String text = null;
        String quoted = null;
        String html = null;
        boolean remoteImages = false;
        if (walk.plain != null) {
            MailText.Split split = MailText.split(walk.plain);
            text = split.text();
            quoted = split.quoted();
        } else if (walk.html != null) {
            Map<String, Integer> cids = new HashMap<>();
            for (int i = 0; i < walk.files.size(); i++) {
                if (walk.files.get(i).contentId() != null) {
                    cids.put(walk.files.get(i).contentId(), i);
                }
            }
            MailHtml.Sanitized sanitized = MailHtml.sanitize(walk.html, cids);
            html = sanitized.html();
            text = sanitized.text().strip();
            remoteImages = sanitized.remoteImages();
        }
        DeliveryReport.Bounce bounce = walk.report == null ? null : DeliveryReport.bounce(walk, references);
        Instant sent = message.getSentDate() == null
                ? Instant.now()
                : message.getSentDate().toInstant();
        return new ParsedMail(
                messageId,
                from.getAddress().toLowerCase(Locale.ROOT),
                personal(from),
                subject,
                threadSubject(subject),
                references,
                text,
                quoted,
                html,
                remoteImages,
                automatic(message, walk),
                bounce,
                walk.files,
                sent,
                header(message, IMAP_UID_HEADER));
    }

    /** The subject without Re:/Fwd:/AW:/Отв:/Ответ: prefixes (repeated ones too), lower-cased, spaces collapsed. */
    static String threadSubject(@Nullable String subject) {
        if (subject == null) {
            return "";
        }
        String s = subject.strip();
        while (true) {
            Matcher m = PREFIX.matcher(s);
            if (!m.find()) {
                break;
            }
            s = s.substring(m.end());
        }
        return s.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    /** Message-IDs in a header value, without angle brackets. */
    static List<String> ids(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        Matcher m = MESSAGE_ID.matcher(header);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    static @Nullable String firstId(@Nullable String header) {
        List<String> ids = ids(header);
        return ids.isEmpty() ? null : ids.getFirst();
    }

    private static InternetAddress sender(MimeMessage message) throws MessagingException {
        Address[] from;
        try {
            from = message.getFrom();
        } catch (AddressException e) {
            // A malformed From: take what looks like an address.
            String raw = message.getHeader("From", null);
            Matcher m = Pattern.compile("[^\\s<>\"]+@[^\\s<>\"]+").matcher(raw == null ? "" : raw);
            if (m.find()) {
                return new InternetAddress(m.group(), false);
            }
            throw e;
        }
        if (from == null
                || from.length == 0
                || !(from[0] instanceof InternetAddress address)
                || address.getAddress() == null
                || address.getAddress().isBlank()) {
            throw new MessagingException("The mail has no sender address");
        }
        return address;
    }

    private static String personal(InternetAddress from) {
        String name = from.getPersonal();
        return name == null || name.isBlank() ? from.getAddress().toLowerCase(Locale.ROOT) : name.strip();
    }

    private static @Nullable String subject(MimeMessage message) throws MessagingException {
        String subject = message.getSubject();
        return subject == null || subject.isBlank() ? null : subject.strip();
    }

    private static @Nullable String header(MimeMessage message, String name) throws MessagingException {
        String value = message.getHeader(name, null);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * Auto-replies, mailing-list and robot mail (RFC 3834 Auto-Submitted, the X-Autoreply family,
     * Precedence: bulk/junk/auto_reply) and delivery reports: never "unanswered".
     */
    private static boolean automatic(MimeMessage message, MimeWalk walk) throws MessagingException {
        String auto = header(message, "Auto-Submitted");
        if (auto != null && !auto.toLowerCase(Locale.ROOT).startsWith("no")) {
            return true;
        }
        for (String name : List.of("X-Autoreply", "X-Autorespond", "X-Auto-Response-Suppress-Reply")) {
            if (header(message, name) != null) {
                return true;
            }
        }
        String precedence = header(message, "Precedence");
        if (precedence != null
                && List.of("bulk", "junk", "auto_reply", "list").contains(precedence.toLowerCase(Locale.ROOT))) {
            return true;
        }
        return walk.report != null;
    }

    private static String sha256(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file of the mail: where it is in the MIME tree (for the background download) and what it says it is. */
    record MailFile(
            String path,
            String fileName,
            String contentType,
            @Nullable Long size,
            @Nullable String contentId,
            boolean image) {}

    record ParsedMail(
            String messageId,
            String fromAddress,
            String fromName,
            @Nullable String subject,
            String threadSubject,
            List<String> references,
            @Nullable String text,
            @Nullable String quoted,
            @Nullable String html,
            boolean remoteImages,
            boolean automatic,
            DeliveryReport.@Nullable Bounce bounce,
            List<MailFile> files,
            Instant sentAt,
            @Nullable String imapUid) {}
}
