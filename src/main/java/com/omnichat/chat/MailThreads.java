package com.omnichat.chat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.omnichat.base.StaffPrincipal;
import com.omnichat.base.SystemAccess;
import com.omnichat.base.UserFacingException;
import com.omnichat.channel.InboundMessage;
import com.omnichat.channel.MailDetails;
import com.omnichat.customer.ClientIdentityRef;

/**
 * Which chat an e-mail joins: the chat holding a message it answers (In-Reply-To, then
 * References, nearest first); failing that the client's chat with the same subject (without
 * Re:/Fwd: prefixes) active within 30 days; otherwise a new chat for this thread.
 */
@Component
class MailThreads {

    static final Duration SAME_SUBJECT_WINDOW = Duration.ofDays(30);

    private final ConversationQueries conversations;
    private final MessageStore messages;
    private final JdbcClient jdbc;

    MailThreads(ConversationQueries conversations, MessageStore messages, JdbcClient jdbc) {
        this.conversations = conversations;
        this.messages = messages;
        this.jdbc = jdbc;
    }

    /** A manager writes first by e-mail: a new thread (chat) with this subject, marked as started by him. */
    long start(ClientIdentityRef identity, @Nullable String subject, StaffPrincipal user) {
        if (subject == null || subject.isBlank()) {
            throw new UserFacingException("write.error.subject-required");
        }
        String clean = clip(subject.strip(), 500);
        Instant now = Instant.now();
        long created = jdbc.sql("""
                        insert into conversation (channel_id, client_id, identity_id, sort_at, created_at, client_name,
                                                  client_nickname, client_photo_url, thread_key, subject, thread_subject)
                        select i.channel_id, i.client_id, i.id, ?, ?, ?, ?, ?, ?, ?, ? from client_identity i where i.id = ?
                        returning id""")
                .params(Timestamp.from(now), Timestamp.from(now), identity.name(), identity.nickname(),
                        identity.photoUrl(), "out:" + UUID.randomUUID(), clean, threadSubject(clean),
                        identity.identityId())
                .query(Long.class).single();
        long channelId = jdbc.sql("select channel_id from conversation where id = ?").param(created)
                .query(Long.class).single();
        messages.insertSystemMessage(created, channelId,
                user.id() == SystemAccess.SYSTEM_USER_ID ? null : user.id(), "started-by-manager", user.fullName());
        return created;
    }

    /** The subject as the thread rule compares it (prefixes dropped, lower-cased); see the e-mail connector. */
    static String threadSubject(String subject) {
        String s = subject.strip();
        java.util.regex.Matcher m;
        while ((m = PREFIX.matcher(s)).find()) {
            s = s.substring(m.end());
        }
        return clip(s.replaceAll("\\s+", " ").strip().toLowerCase(java.util.Locale.ROOT), 500);
    }

    private static final java.util.regex.Pattern PREFIX = java.util.regex.Pattern.compile(
            "^\\s*(re|fwd?|aw|wg|tr|sv|vs|отв|ответ|пересл|відп|fw)\\s*(\\[\\d+])?\\s*:\\s*",
            java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE);

    /** The thread's conversation, locked (created when the mail starts a new thread). */
    ConversationQueries.Row lockThread(InboundMessage in, MailDetails mail, ClientIdentityRef client, Instant at) {
        Long id = byReferences(in.channelId(), client.identityId(), mail);
        if (id == null && !mail.threadSubject().isBlank()) {
            id = jdbc.sql("""
                            select id from conversation
                            where identity_id = ? and thread_subject = ? and greatest(last_message_at, created_at) >= ?
                            order by sort_at desc, id desc limit 1""")
                    .params(client.identityId(), clip(mail.threadSubject(), 500),
                            Timestamp.from(at.minus(SAME_SUBJECT_WINDOW)))
                    .query(Long.class).optional().orElse(null);
        }
        if (id != null) {
            return Objects.requireNonNull(conversations.lock(id));
        }
        String threadKey = clip(in.externalMessageId(), 250);
        jdbc.sql("""
                        insert into conversation (channel_id, client_id, identity_id, sort_at, created_at, client_name,
                                                  client_nickname, client_photo_url, thread_key, subject, thread_subject)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (identity_id, thread_key) do nothing""")
                .params(in.channelId(), client.clientId(), client.identityId(), Timestamp.from(at), Timestamp.from(at),
                        client.name(), client.nickname(), client.photoUrl(), threadKey,
                        mail.subject() == null ? null : clip(mail.subject(), 500),
                        mail.threadSubject().isBlank() ? null : clip(mail.threadSubject(), 500))
                .update();
        long created = jdbc.sql("select id from conversation where identity_id = ? and thread_key = ?")
                .params(client.identityId(), threadKey).query(Long.class).single();
        return Objects.requireNonNull(conversations.lock(created));
    }

    private @Nullable Long byReferences(long channelId, long identityId, MailDetails mail) {
        if (mail.references().isEmpty()) {
            return null;
        }
        // Only this client's chats: a reply from another address starts that address's own chat.
        return jdbc.sql("""
                        select m.conversation_id from message m join conversation c on c.id = m.conversation_id
                        where m.channel_id = ? and m.external_id = any(?) and c.identity_id = ?
                        order by array_position(?, m.external_id::text) limit 1""")
                .params(channelId, mail.references().toArray(String[]::new), identityId,
                        mail.references().toArray(String[]::new))
                .query(Long.class).optional().orElse(null);
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
