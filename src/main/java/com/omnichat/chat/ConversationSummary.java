package com.omnichat.chat;

import com.omnichat.base.Initials;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.user.StaffMember;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One row of the chat list. A row a search found by message text carries that message
 * ({@code match}); a row found by name or listed without a search carries none.
 */
public record ConversationSummary(
        long id,
        ChannelInfo channel,
        long clientId,
        ConversationState state,
        @Nullable StaffMember responsible,
        Instant sortAt,
        @Nullable Instant lastMessageAt,
        @Nullable String lastMessagePreview,
        @Nullable MessageKind lastMessageKind,
        int unreadCount,
        boolean unanswered,
        String clientName,
        @Nullable String clientNickname,
        @Nullable String clientPhotoUrl,
        @Nullable MessageMatch match) {

    public ConversationSummary withMatch(MessageMatch found) {
        return new ConversationSummary(
                id,
                channel,
                clientId,
                state,
                responsible,
                sortAt,
                lastMessageAt,
                lastMessagePreview,
                lastMessageKind,
                unreadCount,
                unanswered,
                clientName,
                clientNickname,
                clientPhotoUrl,
                found);
    }

    public ChatCursor cursor() {
        return new ChatCursor(sortAt, id);
    }

    public String clientInitials() {
        return Initials.of(clientName, "?");
    }
}
