package com.omnichat.chat;

import org.jspecify.annotations.Nullable;

/**
 * A live update about one conversation, delivered to every node. Views react by
 * re-reading what they show; the event itself carries only ids.
 */
public record ChatEvent(
        Type type,
        long conversationId,
        long channelId,
        @Nullable Presence presence) {

    public enum Type {
        /** A client message arrived: new chat, bump, badge. */
        MESSAGE,
        /** Something else changed: a reply, note, assignee, state or delivery status. */
        UPDATED,
        /** Someone opened, left or types in the chat. */
        PRESENCE
    }

    public enum Activity {
        VIEWING,
        TYPING,
        LEFT
    }

    public record Presence(long userId, String userName, Activity activity) {}
}
