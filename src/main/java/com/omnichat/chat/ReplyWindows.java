package com.omnichat.chat;

import com.omnichat.channel.Capability;
import com.omnichat.channel.ChannelService;
import com.omnichat.channel.ChannelType;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The messaging windows of the channels, in one place. Meta's channels (Instagram, Messenger):
 * free replies within 24 hours of the client's last direct message, human-agent replies up to
 * 7 days, nothing after that. Channels that start dialogs only with templates (WhatsApp): free
 * text within 24 hours of the client's last message, else a template. Access is checked by the
 * inbox.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class ReplyWindows {

    static final Duration FREE = Duration.ofHours(24);
    static final Duration HUMAN_AGENT = Duration.ofDays(7);
    /** The customer service window of channels that enforce one (WhatsApp). */
    static final Duration TEMPLATE_FREE = Duration.ofHours(24);

    private final InboxService inbox;
    private final JdbcClient jdbc;
    private final ChannelService channels;

    ReplyWindows(InboxService inbox, JdbcClient jdbc, ChannelService channels) {
        this.inbox = inbox;
        this.jdbc = jdbc;
        this.channels = channels;
    }

    /** The window of the chat now. */
    public ReplyWindow of(long conversationId) {
        // Checks access; the summary names the channel.
        ConversationSummary chat = inbox.get(conversationId);
        ChannelType type = chat.channel() == null ? null : chat.channel().type();
        if (type == ChannelType.INSTAGRAM || type == ChannelType.FACEBOOK) {
            Instant wrote = lastDirectMessage(conversationId);
            return new ReplyWindow(meta(wrote, Instant.now()), wrote);
        }
        if (chat.channel() != null
                && channels.capabilities(chat.channel().id()).contains(Capability.START_NEEDS_TEMPLATE)) {
            Instant wrote = lastClientMessage(conversationId);
            boolean recent = wrote != null && wrote.isAfter(Instant.now().minus(TEMPLATE_FREE));
            return new ReplyWindow(recent ? ReplyWindow.Rule.NONE : ReplyWindow.Rule.TEMPLATE_ONLY, wrote);
        }
        return new ReplyWindow(ReplyWindow.Rule.NONE, null);
    }

    /** Meta's rule for a client who last wrote directly at {@code clientWroteAt} (null: never). */
    static ReplyWindow.Rule meta(@Nullable Instant clientWroteAt, Instant now) {
        if (clientWroteAt == null) {
            return ReplyWindow.Rule.NEVER_WROTE;
        }
        Duration since = Duration.between(clientWroteAt, now);
        return since.compareTo(FREE) <= 0
                ? ReplyWindow.Rule.OPEN
                : since.compareTo(HUMAN_AGENT) <= 0 ? ReplyWindow.Rule.HUMAN_AGENT : ReplyWindow.Rule.CLOSED;
    }

    /** The client's last message in the direct chat: comments and mentions do not open the window. */
    private @Nullable Instant lastDirectMessage(long conversationId) {
        return latest("""
                select max(created_at) from message where conversation_id = ? and kind = 'CLIENT'
                  and origin is distinct from 'COMMENT' and origin is distinct from 'COMMENT_REPLY'
                  and origin is distinct from 'AD_COMMENT' and origin is distinct from 'MENTION_COMMENT'
                  and origin is distinct from 'MENTION_POST'""", conversationId);
    }

    private @Nullable Instant lastClientMessage(long conversationId) {
        return latest(
                "select max(created_at) from message where conversation_id = ? and kind = 'CLIENT'", conversationId);
    }

    private @Nullable Instant latest(String sql, long conversationId) {
        return jdbc.sql(sql)
                .param(conversationId)
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant)
                .orElse(null);
    }
}
