package com.omnichat.chat;

import java.time.Instant;
import java.util.List;

/**
 * The message a text search found in a chat: which one (to scroll to it) and a snippet of it
 * as plain text parts, where the odd-numbered parts (1, 3, ...) are the matched words. Parts
 * are text, never markup: the client's words cannot become HTML on the way.
 */
public record MessageMatch(long messageId, MessageKind kind, Instant at, List<String> snippet) {

    public MessageMatch {
        snippet = List.copyOf(snippet);
    }

    /** The snippet as one plain string (for a label or a test). */
    public String text() {
        return String.join("", snippet);
    }

    /** The highlighted words, in order. */
    public List<String> highlighted() {
        List<String> marked = new java.util.ArrayList<>();
        for (int i = 1; i < snippet.size(); i += 2) {
            marked.add(snippet.get(i));
        }
        return marked;
    }
}
