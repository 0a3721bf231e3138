package com.omnichat.channel.connector;

import com.omnichat.base.ServedFiles;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What inbound files the connectors accept: a size limit, and a content type that is both
 * allowed and (for images) matches the file's first bytes. Anything else is stored as an
 * opaque download, never rendered.
 */
public record MediaPolicy(long maxBytes) {

    public static final String OPAQUE = "application/octet-stream";

    private static final Set<String> ALLOWED = Set.of(
            "image/jpeg",
            "image/png",
            "image/gif",
            "image/webp",
            "application/pdf",
            "text/plain",
            "text/csv",
            "application/zip",
            "application/msword",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.ms-excel",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "audio/ogg",
            "audio/mpeg",
            "video/mp4",
            "video/quicktime");

    public void checkSize(long size) throws MediaRejectedException {
        if (size > maxBytes) {
            throw new MediaRejectedException("File too large: " + size + " bytes (limit " + maxBytes + ")");
        }
    }

    /** The content type to store: the declared one when allowed and consistent with the bytes. */
    public String contentType(@Nullable String declared, byte[] content) {
        String sniffed = sniffImage(content);
        if (sniffed != null) {
            return sniffed;
        }
        String type = declared == null
                ? ""
                : declared.toLowerCase(Locale.ROOT).split(";")[0].strip();
        if (type.startsWith("image/")) {
            // Says image, is not one we recognize: never render it as an image.
            return OPAQUE;
        }
        return ALLOWED.contains(type) ? type : OPAQUE;
    }

    static @Nullable String sniffImage(byte[] b) {
        return ServedFiles.rasterImageType(b);
    }

    /** A file the policy refuses (too large); the message is stored with a note instead. */
    public static class MediaRejectedException extends RuntimeException {

        public MediaRejectedException(String message) {
            super(message);
        }
    }
}
