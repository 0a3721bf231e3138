package com.omnichat.channel.email;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Walks a mail's MIME tree: the first plain and HTML bodies, the files (with their paths), a delivery report. */
final class MimeWalk {

    @Nullable
    String plain;

    @Nullable
    String html;

    @Nullable
    String report;

    @Nullable
    String originalMessageId;

    final List<MailParser.MailFile> files = new ArrayList<>();

    void visit(Part part, String path) throws MessagingException, IOException {
        ContentType type = contentType(part);
        String base = type.getBaseType().toLowerCase(Locale.ROOT);
        if (base.startsWith("multipart/")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                visit(child, path.isEmpty() ? Integer.toString(i) : path + "." + i);
            }
            return;
        }
        if (base.equals("message/delivery-status")) {
            report = text(part);
            return;
        }
        if (base.equals("message/rfc822") || base.equals("text/rfc822-headers")) {
            if (report != null || originalMessageId == null) {
                originalMessageId = originalId(part, base);
            }
            return;
        }
        String disposition = part.getDisposition();
        String fileName = fileName(part);
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(disposition)
                || fileName != null
                || !(base.startsWith("text/plain") || base.startsWith("text/html"));
        if (!attachment) {
            if (base.equals("text/plain") && plain == null) {
                plain = text(part);
            } else if (base.equals("text/html") && html == null) {
                html = text(part);
            }
            return;
        }
        String contentId = part instanceof jakarta.mail.internet.MimePart mime && mime.getContentID() != null
                ? MailHtml.contentId(mime.getContentID())
                : null;
        String name = fileName != null ? fileName : (contentId != null ? contentId : "file") + extension(base);
        int size = part.getSize();
        files.add(new MailParser.MailFile(
                path, name, base, size < 0 ? null : (long) size, contentId, base.startsWith("image/")));
    }

    private static @Nullable String originalId(Part part, String base) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            InternetHeaders headers = new InternetHeaders(in);
            return MailParser.firstId(headers.getHeader("Message-ID", null));
        } catch (RuntimeException e) {
            return null;
        }
    }

    static ContentType contentType(Part part) throws MessagingException {
        try {
            return new ContentType(part.getContentType() == null ? "text/plain" : part.getContentType());
        } catch (jakarta.mail.internet.ParseException e) {
            return new ContentType("application", "octet-stream", null);
        }
    }

    /** The part's text in its declared charset (an unknown one read as UTF-8 rather than failing). */
    static String text(Part part) throws MessagingException, IOException {
        ContentType type = contentType(part);
        String charset = type.getParameter("charset");
        String javaCharset = charset == null ? "UTF-8" : MimeUtility.javaCharset(charset);
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readAllBytes();
        }
        try {
            return new String(bytes, java.nio.charset.Charset.forName(javaCharset));
        } catch (IllegalArgumentException e) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static @Nullable String fileName(Part part) {
        try {
            String name = part.getFileName();
            if (name == null || name.isBlank()) {
                return null;
            }
            name = MimeUtility.decodeText(name)
                    .replaceAll("[\\\\/\\r\\n\\t]", "_")
                    .strip();
            return name.length() > 200 ? name.substring(name.length() - 200) : name;
        } catch (MessagingException | IOException | RuntimeException e) {
            return null;
        }
    }

    private static String extension(String contentType) {
        return switch (contentType) {
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            case "image/gif" -> ".gif";
            case "application/pdf" -> ".pdf";
            default -> "";
        };
    }
}
