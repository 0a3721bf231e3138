package com.omnichat.channel;

/**
 * Where the background download of a client's file reports (SPI, implemented by the inbox):
 * the placeholder attachment becomes the file, or says why it could not be downloaded.
 * Both are idempotent and run in the caller's transaction.
 */
public interface AttachmentSink {

    /** The file arrived; the placeholder {@code attachmentId} now holds it. */
    void downloaded(long attachmentId, InboundAttachment file);

    /** The download was given up; {@code reason} is safe to show (no secrets, no URLs). */
    void failed(long attachmentId, String reason);
}
