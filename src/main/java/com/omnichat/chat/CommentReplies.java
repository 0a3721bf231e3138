package com.omnichat.chat;

import com.omnichat.base.CurrentStaff;
import com.omnichat.base.StaffPrincipal;
import com.omnichat.base.UserFacingException;
import com.omnichat.channel.ChannelType;
import com.omnichat.channel.CommentModeration;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answering where a message came from (Instagram comments: publicly under the comment, or once
 * privately in Direct within 7 days) and the messaging window of Meta's channels: free replies
 * within 24 hours of the client's last direct message, human-agent replies up to 7 days, nothing
 * after that. Access is checked by the inbox for every call.
 */
@Service
@Transactional
@PreAuthorize("isAuthenticated()")
public class CommentReplies {

    static final Duration FREE = Duration.ofHours(24);
    static final Duration HUMAN_AGENT = Duration.ofDays(7);
    static final Duration PRIVATE_REPLY = Duration.ofDays(7);

    private final InboxService inbox;
    private final JdbcClient jdbc;
    private final CommentModeration moderation;
    private final ChatUpdates updates;

    CommentReplies(InboxService inbox, JdbcClient jdbc, CommentModeration moderation, ChatUpdates updates) {
        this.inbox = inbox;
        this.jdbc = jdbc;
        this.moderation = moderation;
        this.updates = updates;
    }

    /** Administrators and the chat's responsible manager may hide, show and delete comments. */
    @Transactional(readOnly = true)
    public boolean canModerate(long conversationId) {
        StaffPrincipal user = CurrentStaff.require();
        ConversationSummary chat = inbox.get(conversationId);
        return user.worksInAllChannels()
                || chat.responsible() != null && chat.responsible().id() == user.id();
    }

    /** Hides, shows again or deletes the client's comment at Instagram; the chat keeps it, marked. */
    public void moderate(long conversationId, long commentMessageId, CommentModeration.Action action) {
        MessageView comment = comment(conversationId, commentMessageId);
        if (!canModerate(conversationId)) {
            throw new UserFacingException("chat.comment.moderation-not-allowed");
        }
        var target = jdbc.sql("select channel_id, external_id from message where id = ?")
                .param(comment.id())
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .single();
        long channelId = (Long) target[0];
        moderation.moderate(channelId, (String) target[1], action);
        jdbc.sql("""
                        update message set comment_hidden = case when ? = 'HIDE' then true when ? = 'UNHIDE' then false
                                                                 else comment_hidden end,
                               comment_deleted = comment_deleted or ? = 'DELETE'
                        where id = ?""")
                .params(action.name(), action.name(), action.name(), comment.id())
                .update();
        updates.publish(new ChatEvent(ChatEvent.Type.UPDATED, conversationId, channelId, null));
    }

    /** What a message typed normally may be, for channels with a messaging window. */
    public enum Window {
        /** No window rules on this channel. */
        NONE,
        /** The client wrote within 24 hours: free replies. */
        OPEN,
        /** 24 hours to 7 days: sent as a human agent's reply. */
        HUMAN_AGENT,
        /** More than 7 days: the provider takes no message until the client writes again. */
        CLOSED,
        /** The client never wrote in the direct chat (only commented): only comment or private replies. */
        NEVER_WROTE
    }

    /** The window of the chat now, and since when the client last wrote directly. */
    public record WindowState(Window window, @Nullable Instant clientWroteAt) {}

    @Transactional(readOnly = true)
    public WindowState window(long conversationId) {
        // Checks access; the summary names the channel.
        ConversationSummary chat = inbox.get(conversationId);
        ChannelType type = chat.channel() == null ? null : chat.channel().type();
        if (type != ChannelType.INSTAGRAM && type != ChannelType.FACEBOOK) {
            return new WindowState(Window.NONE, null);
        }
        Instant wrote = jdbc.sql("""
                        select max(created_at) from message where conversation_id = ? and kind = 'CLIENT'
                          and origin is distinct from 'COMMENT' and origin is distinct from 'COMMENT_REPLY'
                          and origin is distinct from 'AD_COMMENT' and origin is distinct from 'MENTION_COMMENT'
                          and origin is distinct from 'MENTION_POST'""")
                .param(conversationId)
                .query(java.sql.Timestamp.class)
                .optional()
                .map(java.sql.Timestamp::toInstant)
                .orElse(null);
        return new WindowState(window(wrote, Instant.now()), wrote);
    }

    static Window window(@Nullable Instant clientWroteAt, Instant now) {
        if (clientWroteAt == null) {
            return Window.NEVER_WROTE;
        }
        Duration since = Duration.between(clientWroteAt, now);
        return since.compareTo(FREE) <= 0
                ? Window.OPEN
                : since.compareTo(HUMAN_AGENT) <= 0 ? Window.HUMAN_AGENT : Window.CLOSED;
    }

    /** Answers a client's comment publicly, under it ("reply to a comment on your post"). */
    public long answerInComments(long conversationId, String text, long commentMessageId) {
        comment(conversationId, commentMessageId);
        return inbox.reply(conversationId, text, commentMessageId, List.of(), "COMMENT_ANSWER");
    }

    /** Answers a client's comment privately in Direct: once per comment, within 7 days of it. */
    public long replyInDirect(long conversationId, String text, long commentMessageId) {
        MessageView comment = comment(conversationId, commentMessageId);
        Optional<String> refusal = refusal(comment);
        if (refusal.isPresent()) {
            throw new UserFacingException(refusal.get());
        }
        return inbox.reply(conversationId, text, commentMessageId, List.of(), "PRIVATE_REPLY");
    }

    /** Why "Reply in Direct" is no longer possible for this comment (a translation key), or empty. */
    @Transactional(readOnly = true)
    public Optional<String> privateReplyRefusal(long conversationId, long commentMessageId) {
        return refusal(comment(conversationId, commentMessageId));
    }

    private Optional<String> refusal(MessageView comment) {
        boolean answered =
                jdbc.sql("""
                        select exists (select 1 from message where reply_to_id = ? and origin = 'PRIVATE_REPLY'
                                       and delivery_status is distinct from 'FAILED')""").param(comment.id()).query(Boolean.class).single();
        if (answered) {
            return Optional.of("chat.comment.private-reply.done");
        }
        if (Duration.between(comment.createdAt(), Instant.now()).compareTo(PRIVATE_REPLY) > 0) {
            return Optional.of("chat.comment.private-reply.expired");
        }
        return Optional.empty();
    }

    private MessageView comment(long conversationId, long messageId) {
        MessageView message = inbox.message(conversationId, messageId);
        if (message.kind() != MessageKind.CLIENT || !message.marks().comment()) {
            throw new UserFacingException("chat.comment.not-a-comment");
        }
        return message;
    }
}
