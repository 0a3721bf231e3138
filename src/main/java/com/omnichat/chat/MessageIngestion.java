package com.omnichat.chat;

import com.omnichat.base.NotFoundException;
import com.omnichat.channel.ChannelService;
import com.omnichat.channel.ClientContactsSink;
import com.omnichat.channel.ClientState;
import com.omnichat.channel.InboundMessage;
import com.omnichat.channel.InboundSink;
import com.omnichat.channel.IngestResult;
import com.omnichat.channel.MessageOrigin;
import com.omnichat.customer.ClientIdentities;
import com.omnichat.customer.ClientIdentityRef;
import com.omnichat.customer.ClientService;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contract every channel connector calls for a client message. Idempotent on the
 * channel's message id: a retried or concurrent delivery of the same message stores one
 * row and changes no counter. Creates the lead and the conversation when needed, reopens
 * a closed conversation, raises it to the top and increments the badge, all in one
 * transaction; live views hear of it when it commits.
 */
@Service
public class MessageIngestion implements InboundSink {

    private final ClientService clients;
    private final ConversationQueries conversations;
    private final MessageStore messages;
    private final ChatUpdates updates;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final MailThreads mailThreads;
    private final ClientContactsSink contacts;
    private final ConversationChanges changes;
    private final ClientIdentities identities;
    private final ChannelService channels;

    MessageIngestion(
            ClientService clients,
            ConversationQueries conversations,
            MessageStore messages,
            ChatUpdates updates,
            ApplicationEventPublisher events,
            JdbcClient jdbc,
            MailThreads mailThreads,
            ClientContactsSink contacts,
            ConversationChanges changes,
            ClientIdentities identities,
            ChannelService channels) {
        this.changes = changes;
        this.identities = identities;
        this.channels = channels;
        this.mailThreads = mailThreads;
        this.contacts = contacts;
        this.clients = clients;
        this.conversations = conversations;
        this.messages = messages;
        this.updates = updates;
        this.events = events;
        this.jdbc = jdbc;
    }

    /*
     * This runs for every inbound message, so it keeps to five statements for a message in an
     * existing chat (the benchmark's ingestion figure): the known-message check, the identity,
     * the locked conversation, the message with the conversation's counters, the notification.
     * (That the channel exists the channel module remembers.)
     */
    @Override
    @Transactional
    public IngestResult receive(InboundMessage in) {
        return receive(in, null);
    }

    @Override
    @Transactional
    public IngestResult receive(InboundMessage in, @Nullable MessageOrigin origin) {
        Optional<IngestResult> known = known(in);
        if (known.isPresent()) {
            return known.get();
        }
        ClientIdentityRef client = clients.resolve(in.channelId(), in.client());
        Instant at = in.sentAt().isAfter(Instant.now()) ? Instant.now() : in.sentAt();
        // Lock first: concurrent deliveries into one chat queue here, so counters stay exact.
        // An e-mail joins its thread's chat (one client may have several); other channels have one chat.
        var conversation = in.mail() == null
                ? lockConversation(in.channelId(), client, at)
                : mailThreads.lockThread(in, in.mail(), client, at);
        boolean automatic = in.mail() != null && in.mail().automatic();
        Long replyTo = in.replyToExternalId() == null
                ? null
                : messages.findByExternalId(in.channelId(), in.replyToExternalId())
                        .orElse(null);
        Optional<Long> inserted = insertAndCount(conversation.id(), in, client, replyTo, at, origin, automatic);
        if (inserted.isEmpty()) {
            // A concurrent delivery of the same message won the insert (and counted it).
            return existing(in).orElseThrow();
        }
        long messageId = inserted.get();
        in.attachments().forEach(a -> messages.insertAttachment(messageId, a.fileName(), a.contentType(), a.content()));
        // Files still to be downloaded: a placeholder each, so the message shows at once.
        List<Long> placeholders = in.pending().stream()
                .map(p ->
                        messages.insertPlaceholder(messageId, p.fileName(), p.contentType(), p.image(), p.sizeBytes()))
                .toList();
        if (in.mail() != null) {
            // The sender's address goes on the card unverified: anyone can write from any address.
            contacts.contactsLeft(
                    in.channelId(),
                    in.client().externalUserId(),
                    new ClientContactsSink.ContactDetails(null, in.mail().fromAddress(), null));
        }
        if (automatic) {
            // An auto-reply is shown, but neither raises nor reopens the chat nor asks for an answer.
            updates.publish(new ChatEvent(ChatEvent.Type.UPDATED, conversation.id(), in.channelId(), null));
            return new IngestResult(messageId, conversation.id(), false, placeholders);
        }
        if (conversation.state() == ConversationState.CLOSED) {
            messages.insertSystemMessage(conversation.id(), in.channelId(), null, "reopened-by-client");
        }
        updates.publish(new ChatEvent(ChatEvent.Type.MESSAGE, conversation.id(), in.channelId(), null));
        events.publishEvent(new MessageReceived(messageId, conversation.id(), in.channelId()));
        return new IngestResult(messageId, conversation.id(), false, placeholders);
    }

    /**
     * Inserts the client message and, only if it was new, raises the conversation to the top,
     * reopens it and counts the message: one statement.
     */
    private Optional<Long> insertAndCount(
            long conversationId,
            InboundMessage in,
            ClientIdentityRef client,
            @Nullable Long replyTo,
            Instant at,
            @Nullable MessageOrigin origin,
            boolean automatic) {
        return jdbc.sql("""
                        with inserted as (
                            insert into message (conversation_id, channel_id, kind, body, reply_to_id, external_id,
                                                 created_at, quote_author, quote_text, origin, origin_ref, origin_url,
                                                 post_id, post_caption, subject, html, quoted, automatic)
                            values (:id, :channel, 'CLIENT', :body, :replyTo, :external, :at, :quoteAuthor, :quoteText,
                                    :origin, :originRef, :originUrl, :postId, :postCaption, :subject, :html, :quoted,
                                    :automatic)
                            on conflict (channel_id, external_id) do nothing returning id
                        ), counted as (
                            update conversation set state = 'OPEN', sort_at = greatest(sort_at, :at),
                                   -- A late delivery of an older message keeps the newer preview.
                                   last_message_preview = case when last_message_at is null or :at >= last_message_at
                                                               then :preview else last_message_preview end,
                                   last_message_kind = case when last_message_at is null or :at >= last_message_at
                                                            then 'CLIENT' else last_message_kind end,
                                   last_message_at = greatest(coalesce(last_message_at, :at), :at),
                                   unread_count = unread_count + 1, unanswered = true, updated_at = now(),
                                   client_name = :name, client_nickname = :nickname, client_photo_url = :photo
                            where id = :id and exists (select 1 from inserted) and not :automatic
                        )
                        select id from inserted""")
                .param("id", conversationId)
                .param("channel", in.channelId())
                .param("body", in.text())
                .param("replyTo", replyTo)
                .param("external", in.externalMessageId())
                // The provider's quote only stands in for an original that is not stored here.
                .param(
                        "quoteAuthor",
                        replyTo != null || in.quote() == null
                                ? null
                                : clip(in.quote().authorName(), 200))
                .param(
                        "quoteText",
                        replyTo != null || in.quote() == null
                                ? null
                                : in.quote().text())
                .param("at", Timestamp.from(at))
                .param("origin", origin == null ? null : origin.kind().name())
                .param("originRef", origin == null ? null : clip(origin.ref(), 200))
                .param("originUrl", origin == null ? null : clip(origin.url(), 2000))
                .param("postId", origin == null ? null : clip(origin.postId(), 100))
                .param("postCaption", origin == null ? null : clip(origin.caption(), 300))
                .param(
                        "preview",
                        MessageStore.preview(
                                in.text(),
                                in.attachments().size() + in.pending().size()))
                .param(
                        "subject",
                        in.mail() == null || in.mail().subject() == null
                                ? null
                                : clip(in.mail().subject(), 500))
                .param("html", in.mail() == null ? null : in.mail().html())
                .param("quoted", in.mail() == null ? null : in.mail().quoted())
                .param("automatic", automatic)
                .param("name", client.name())
                .param("nickname", client.nickname())
                .param("photo", client.photoUrl())
                .query(Long.class)
                .optional();
    }

    /** The client edited his message: the text changes and the message is marked edited. */
    @Override
    @Transactional
    public void edited(long channelId, String externalMessageId, @Nullable String text) {
        changeAndPublish(channelId, externalMessageId, """
                update message set body = ?, edited = true
                where id = ? and kind = 'CLIENT' and body is distinct from ?""", text);
    }

    /** The client blocked/unblocked the bot or (un)subscribed: a system line in his chat, if he has one. */
    @Override
    @Transactional
    public void clientState(long channelId, String externalUserId, ClientState state) {
        identities
                .find(channelId, externalUserId)
                .flatMap(i -> conversations.idOfIdentity(i.identityId()))
                .ifPresent(conversation -> {
                    messages.insertSystemMessage(
                            conversation,
                            channelId,
                            null,
                            "client-" + state.name().toLowerCase(java.util.Locale.ROOT));
                    updates.publish(new ChatEvent(ChatEvent.Type.UPDATED, conversation, channelId, null));
                });
    }

    /** The post's link and caption, shown on every comment made on it. */
    @Override
    @Transactional
    public void postDetails(long channelId, String postId, @Nullable String url, @Nullable String caption) {
        List<Long> conversations = jdbc.sql("""
                        update message set origin_url = coalesce(?, origin_url), post_caption = coalesce(?, post_caption)
                        where channel_id = ? and post_id = ?
                          and (origin_url is distinct from coalesce(?, origin_url)
                               or post_caption is distinct from coalesce(?, post_caption))
                        returning conversation_id""")
                .params(clip(url, 2000), clip(caption, 300), channelId, postId, clip(url, 2000), clip(caption, 300))
                .query(Long.class)
                .list();
        conversations.stream()
                .distinct()
                .forEach(c -> updates.publish(new ChatEvent(ChatEvent.Type.UPDATED, c, channelId, null)));
    }

    /** The client reacted to a message or took his reaction back: shown on the message. */
    @Override
    @Transactional
    public void reaction(long channelId, String externalMessageId, @Nullable String emoji, boolean removed) {
        String value = removed || emoji == null || emoji.isBlank() ? null : clip(emoji.strip(), 64);
        changeAndPublish(channelId, externalMessageId, """
                update message set client_reaction = ?
                where id = ? and kind in ('CLIENT', 'MANAGER') and client_reaction is distinct from ?""", value);
    }

    /** The client unsent a message: the staff still see it, marked deleted (once, the first time counts). */
    @Override
    @Transactional
    public void deletedByClient(long channelId, String externalMessageId) {
        changeAndPublish(channelId, externalMessageId, """
                update message set client_deleted_at = now()
                where id = ? and kind = 'CLIENT' and client_deleted_at is null""");
    }

    private void changeAndPublish(long channelId, String externalMessageId, String sql, @Nullable String... value) {
        messages.findByExternalId(channelId, externalMessageId).ifPresent(id -> {
            var statement = jdbc.sql(sql);
            int changed = value.length == 0
                    ? statement.params(id).update()
                    : statement.params(value[0], id, value[0]).update();
            if (changed > 0) {
                messages.conversationOf(id)
                        .ifPresent(conversation ->
                                updates.publish(new ChatEvent(ChatEvent.Type.UPDATED, conversation, channelId, null)));
            }
        });
    }

    /**
     * A message the shop sent from the provider's own app: a manager message without an author
     * here, marked with the app, already sent. Our own sends carry the same provider id (set
     * when the provider accepted them) and are found as known; an echo that overtakes our own
     * send's answer is replaced by it (see {@link DeliveryService#sent}).
     */
    @Override
    @Transactional
    public IngestResult echo(EchoMessage in) {
        Optional<Long> known = messages.findByExternalId(in.channelId(), in.externalMessageId());
        if (known.isPresent()) {
            return new IngestResult(
                    known.get(), messages.conversationOf(known.get()).orElseThrow(), true);
        }
        ClientIdentityRef client = clients.resolve(in.channelId(), in.to());
        Instant at = in.sentAt().isAfter(Instant.now()) ? Instant.now() : in.sentAt();
        var conversation = lockConversation(in.channelId(), client, at);
        Long replyTo = in.replyToExternalId() == null
                ? null
                : messages.findByExternalId(in.channelId(), in.replyToExternalId())
                        .orElse(null);
        Optional<Long> inserted = jdbc.sql("""
                        with inserted as (
                            insert into message (conversation_id, channel_id, kind, body, reply_to_id, external_id,
                                                 delivery_status, sent_from_app, created_at)
                            values (:id, :channel, 'MANAGER', :body, :replyTo, :external, 'SENT', :app, :at)
                            on conflict (channel_id, external_id) do nothing returning id
                        ), answered as (
                            -- The shop answered (from its app): the chat is answered, as after a reply here.
                            update conversation set unread_count = 0, unanswered = false,
                                   last_message_preview = case when last_message_at is null or :at >= last_message_at
                                                               then :preview else last_message_preview end,
                                   last_message_kind = case when last_message_at is null or :at >= last_message_at
                                                            then 'MANAGER' else last_message_kind end,
                                   last_message_at = greatest(coalesce(last_message_at, :at), :at), updated_at = now()
                            where id = :id and exists (select 1 from inserted)
                        )
                        select id from inserted""")
                .param("id", conversation.id())
                .param("channel", in.channelId())
                .param("body", in.text())
                .param("replyTo", replyTo)
                .param("external", in.externalMessageId())
                .param("app", clip(in.app(), 50))
                .param("at", Timestamp.from(at))
                .param("preview", MessageStore.preview(in.text(), in.pending().size()))
                .query(Long.class)
                .optional();
        if (inserted.isEmpty()) {
            long id = messages.findByExternalId(in.channelId(), in.externalMessageId())
                    .orElseThrow();
            return new IngestResult(id, conversation.id(), true);
        }
        long messageId = inserted.get();
        List<Long> placeholders = in.pending().stream()
                .map(p ->
                        messages.insertPlaceholder(messageId, p.fileName(), p.contentType(), p.image(), p.sizeBytes()))
                .toList();
        updates.publish(new ChatEvent(ChatEvent.Type.MESSAGE, conversation.id(), in.channelId(), null));
        return new IngestResult(messageId, conversation.id(), false, placeholders);
    }

    /** The stored message when the channel delivered it before; else checks that the channel exists. */
    private Optional<IngestResult> known(InboundMessage in) {
        Optional<IngestResult> known = messages.delivered(in.channelId(), in.externalMessageId())
                .map(m -> new IngestResult(m.messageId(), m.conversationId(), true));
        if (known.isEmpty() && !channels.exists(in.channelId())) {
            throw new NotFoundException("Channel " + in.channelId());
        }
        return known;
    }

    private static @Nullable String clip(@Nullable String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private Optional<IngestResult> existing(InboundMessage in) {
        return messages.findByExternalId(in.channelId(), in.externalMessageId())
                .map(id -> new IngestResult(id, messages.conversationOf(id).orElseThrow(), true));
    }

    /** The identity's conversation, locked; created first when it has none (most messages land in one). */
    private ConversationQueries.Row lockConversation(long channelId, ClientIdentityRef client, Instant at) {
        var existing = conversations.lockByIdentity(client.identityId());
        if (existing != null) {
            return existing;
        }
        changes.createForIdentity(channelId, client, at);
        return Objects.requireNonNull(conversations.lockByIdentity(client.identityId()));
    }
}
