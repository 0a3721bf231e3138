package com.omnichat.chat;

/** A file a manager attaches to a reply. */
public record OutgoingAttachment(String fileName, String contentType, byte[] content) {}
