package com.omnichat.channel;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A manager's message as a connector sends it: to the client's id on the channel, with the
 * provider's id of the message it answers (a reply), text and files; or an approved template
 * ({@code template}, then {@code text} is its rendered text) for a channel that announces
 * {@link Capability#TEMPLATES}.
 */
public record OutboundMessage(long messageId, long channelId, String recipientExternalUserId, @Nullable String text,
                              @Nullable String replyToExternalId, List<OutboundFile> files,
                              @Nullable TemplateSend template) {

    public OutboundMessage {
        files = List.copyOf(files);
    }

    public OutboundMessage(long messageId, long channelId, String recipientExternalUserId, @Nullable String text,
                           @Nullable String replyToExternalId, List<OutboundFile> files) {
        this(messageId, channelId, recipientExternalUserId, text, replyToExternalId, files, null);
    }

    /** A file attached to a manager's message. */
    public record OutboundFile(String fileName, String contentType, byte[] content) {

        public boolean isImage() {
            return contentType.startsWith("image/");
        }
    }
}
