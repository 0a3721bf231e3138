package com.omnichat.chat;

import com.omnichat.base.CurrentStaff;
import com.omnichat.base.StaffPrincipal;
import com.omnichat.base.UserFacingException;
import com.omnichat.channel.CommentModeration;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answering where a message came from (Instagram comments: publicly under the comment, or once
 * privately in Direct within 7 days; the messaging window is {@link ReplyWindows}). Access is
 * checked by the inbox for every call.
 */
@Service
@Transactional
@PreAuthorize("isAuthenticated()")
public class CommentReplies {

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
