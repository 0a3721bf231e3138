package com.omnichat.chat;

import org.jspecify.annotations.Nullable;

/**
 * An attachment's metadata; the content is read through {@link InboxService#attachmentContent}.
 * A client's file still being downloaded is {@link Status#PENDING} (a placeholder with what
 * the provider told about it); a given-up download is {@link Status#FAILED} with the reason,
 * and staff may try it again ({@link InboxService#retryDownload}).
 */
public record AttachmentView(
        long id,
        boolean image,
        String fileName,
        String contentType,
        long sizeBytes,
        Status status,
        @Nullable String failureReason) {

    public enum Status {
        STORED,
        PENDING,
        FAILED
    }

    public AttachmentView(long id, boolean image, String fileName, String contentType, long sizeBytes) {
        this(id, image, fileName, contentType, sizeBytes, Status.STORED, null);
    }

    public boolean stored() {
        return status == Status.STORED;
    }
}
