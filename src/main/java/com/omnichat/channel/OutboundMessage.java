package com.omnichat.channel;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A manager's message as a connector sends it: to the client's id on the channel, with the
 * provider's id of the message it answers (a reply), text and files. {@code route} says where it
 * goes (the direct chat, or as an answer to the comment {@code replyToExternalId}, publicly or
 * privately); {@code clientWroteAt} is when the client last wrote in the direct chat (for
 * messaging windows), null when he never did; {@code mail} is the e-mail thread (e-mail channels
 * only); {@code template} is an approved template (then {@code text} is its rendered text) for a
 * channel that announces {@link Capability#TEMPLATES}.
 */
public record OutboundMessage(
        long messageId,
        long channelId,
        String recipientExternalUserId,
        @Nullable String text,
        @Nullable String replyToExternalId,
        List<OutboundFile> files,
        Route route,
        @Nullable Instant clientWroteAt,
        @Nullable MailThread mail,
        @Nullable TemplateSend template) {

    public OutboundMessage {
        files = List.copyOf(files);
    }

    public OutboundMessage(
            long messageId,
            long channelId,
            String recipientExternalUserId,
            @Nullable String text,
            @Nullable String replyToExternalId,
            List<OutboundFile> files) {
        this(
                messageId,
                channelId,
                recipientExternalUserId,
                text,
                replyToExternalId,
                files,
                Route.DIRECT,
                null,
                null,
                null);
    }

    /** Where a manager's message goes. */
    public enum Route {
        /** The direct chat (a reply there quotes {@code replyToExternalId}). */
        DIRECT,
        /** A public answer under the comment {@code replyToExternalId}. */
        COMMENT,
        /** A private message in the direct chat answering the comment {@code replyToExternalId}. */
        PRIVATE_REPLY
    }

    /** A file attached to a manager's message. */
    public record OutboundFile(String fileName, String contentType, byte[] content) {

        public boolean isImage() {
            return contentType.startsWith("image/");
        }
    }
}
