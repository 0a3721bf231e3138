package com.omnichat.channel;

/** A file that came with an inbound message, already downloaded by the connector. */
public record InboundAttachment(String fileName, String contentType, byte[] content) {

    public boolean isImage() {
        return contentType.startsWith("image/");
    }
}
