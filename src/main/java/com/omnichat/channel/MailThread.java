package com.omnichat.channel;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The thread a manager's e-mail continues: its subject and the Message-IDs stored in the chat,
 * oldest first (the last one is what the reply answers). Empty for a first message.
 */
public record MailThread(@Nullable String subject, List<String> messageIds) {

    public MailThread {
        messageIds = List.copyOf(messageIds);
    }
}
