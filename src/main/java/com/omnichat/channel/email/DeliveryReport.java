package com.omnichat.channel.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads a delivery status notification (RFC 3464): which of our mails could not be delivered, and why. */
final class DeliveryReport {

    private DeliveryReport() {}

    /** A delivery status notification (RFC 3464): which of our messages failed, and why. */
    static @Nullable Bounce bounce(MimeWalk walk, List<String> references) throws MessagingException {
        InternetHeaders fields = new InternetHeaders();
        // The per-message block, then the per-recipient blocks: read them all as one set of fields.
        try (InputStream in = new ByteArrayInputStream(
                walk.report.replace("\r\n\r\n", "\r\n").replace("\n\n", "\n").getBytes(StandardCharsets.UTF_8))) {
            fields.load(in);
        } catch (IOException e) {
            return null;
        }
        String action = fields.getHeader("Action", null);
        if (action != null && !action.strip().equalsIgnoreCase("failed")) {
            // "delayed", "delivered", "relayed": no failure (yet).
            return null;
        }
        String original = walk.originalMessageId != null
                ? walk.originalMessageId
                : references.isEmpty() ? null : references.getFirst();
        if (original == null) {
            return null;
        }
        String diagnostic = fields.getHeader("Diagnostic-Code", null);
        String status = fields.getHeader("Status", null);
        String recipient = fields.getHeader("Final-Recipient", null);
        StringBuilder reason = new StringBuilder();
        if (status != null) {
            reason.append(status.strip());
        }
        if (diagnostic != null) {
            reason.append(reason.isEmpty() ? "" : " ")
                    .append(diagnostic.replaceFirst("(?i)^smtp;\\s*", "").strip());
        }
        if (reason.isEmpty()) {
            reason.append("Delivery failed");
        }
        if (recipient != null) {
            reason.append(" (")
                    .append(recipient.replaceFirst("(?i)^rfc822;\\s*", "").strip())
                    .append(")");
        }
        return new Bounce(original, reason.toString());
    }

    /** Our message {@code originalMessageId} could not be delivered: {@code reason} from the report. */
    record Bounce(String originalMessageId, String reason) {}
}
