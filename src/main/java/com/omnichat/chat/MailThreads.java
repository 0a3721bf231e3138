package com.omnichat.chat;

import com.omnichat.base.StaffPrincipal;
import com.omnichat.base.SystemAccess;
import com.omnichat.base.UserFacingException;
import com.omnichat.channel.InboundMessage;
import com.omnichat.channel.MailDetails;
import com.omnichat.customer.ClientIdentityRef;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

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
    private final ConversationChanges changes;

    MailThreads(ConversationQueries conversations, MessageStore messages, ConversationChanges changes) {
        this.conversations = conversations;
        this.messages = messages;
        this.changes = changes;
    }

    /** A manager writes first by e-mail: a new thread (chat) with this subject, marked as started by him. */
    long start(long channelId, ClientIdentityRef identity, @Nullable String subject, StaffPrincipal user) {
        if (subject == null || subject.isBlank()) {
            throw new UserFacingException("write.error.subject-required");
        }
        String clean = clip(subject.strip(), 500);
        long created = changes.createThread(
                        channelId, identity, Instant.now(), "out:" + UUID.randomUUID(), clean, threadSubject(clean))
                .orElseThrow();
        messages.insertSystemMessage(
                created,
                channelId,
                user.id() == SystemAccess.SYSTEM_USER_ID ? null : user.id(),
                "started-by-manager",
                user.fullName());
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
            id = conversations
                    .threadWithSubject(
                            client.identityId(), clip(mail.threadSubject(), 500), at.minus(SAME_SUBJECT_WINDOW))
                    .orElse(null);
        }
        if (id != null) {
            return Objects.requireNonNull(conversations.lock(id));
        }
        String threadKey = clip(in.externalMessageId(), 250);
        long created = changes.createThread(
                        in.channelId(),
                        client,
                        at,
                        threadKey,
                        mail.subject() == null ? null : clip(mail.subject(), 500),
                        mail.threadSubject().isBlank() ? null : clip(mail.threadSubject(), 500))
                // A concurrent delivery of the thread's first mail created it.
                .orElseGet(() ->
                        conversations.thread(client.identityId(), threadKey).orElseThrow());
        return Objects.requireNonNull(conversations.lock(created));
    }

    private @Nullable Long byReferences(long channelId, long identityId, MailDetails mail) {
        // Only this client's chats: a reply from another address starts that address's own chat.
        return mail.references().isEmpty()
                ? null
                : conversations
                        .holdingMessage(channelId, identityId, mail.references())
                        .orElse(null);
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
