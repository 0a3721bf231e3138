package com.omnichat.chat;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import com.omnichat.base.Initials;
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
        return Initials.of(clientName, "?");
    }
}
