package com.omnichat.chat;

/** An attachment's metadata; the content is read through {@link InboxService#attachmentContent}. */
public record AttachmentView(long id, boolean image, String fileName, String contentType, long sizeBytes) {
}
