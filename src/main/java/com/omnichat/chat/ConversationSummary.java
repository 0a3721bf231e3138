package com.omnichat.chat;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import com.omnichat.channel.ChannelInfo;
import com.omnichat.user.StaffMember;

/** One row of the chat list. */
public record ConversationSummary(long id, ChannelInfo channel, long clientId, ConversationState state,
                                  @Nullable StaffMember responsible, Instant sortAt, @Nullable Instant lastMessageAt,
                                  @Nullable String lastMessagePreview, @Nullable MessageKind lastMessageKind,
                                  int unreadCount, boolean unanswered, String clientName,
                                  @Nullable String clientNickname, @Nullable String clientPhotoUrl) {

    public ChatCursor cursor() {
        return new ChatCursor(sortAt, id);
    }

    public String clientInitials() {
        String[] words = clientName.strip().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            return "?";
        }
        String first = words[0].substring(0, 1);
        String last = words.length > 1 ? words[words.length - 1].substring(0, 1) : "";
        return (first + last).toUpperCase();
    }
}
