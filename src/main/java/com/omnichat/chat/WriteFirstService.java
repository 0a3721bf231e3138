package com.omnichat.chat;

import com.omnichat.base.CurrentStaff;
import com.omnichat.base.NotFoundException;
import com.omnichat.base.StaffPrincipal;
import com.omnichat.base.UserFacingException;
import com.omnichat.channel.Capability;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.channel.ChannelService;
import com.omnichat.customer.ClientIdentities;
import com.omnichat.customer.ClientIdentityRef;
import com.omnichat.customer.ClientListFilter;
import com.omnichat.customer.ClientService;
import com.omnichat.customer.ClientSummary;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Write message": a manager starts (or continues) a conversation with a client on a
 * channel he chooses. Which channels can reach the client: one where the client already
 * has a chat or an identity (he wrote there); a channel that can start a dialog by phone
 * when the client's card has a phone; a bot channel (Telegram, Viber, the site widget) only
 * for clients who wrote through it. Every offer says why, or why not.
 */
@Service
@Transactional
public class WriteFirstService {

    /** Why a channel can or cannot reach the client; each has a translation {@code write.reason.<key>}. */
    public enum Reason {
        /** The client has a chat on this channel: the message goes there. */
        EXISTING_CHAT(true),
        /** He wrote through this channel before (an identity without an open chat). */
        KNOWN_ON_CHANNEL(true),
        /** The channel starts dialogs by phone and the card has his phone. */
        BY_PHONE(true),
        /** A phone channel, but the card has no phone. */
        NEEDS_PHONE(false),
        /** A bot channel: it can only answer clients who wrote to it first. */
        BOT_NEEDS_CLIENT_FIRST(false),
        /** The channel cannot send messages (no connector, or switched off). */
        CANNOT_SEND(false),
        /** An e-mail channel and the card has his e-mail: a new thread (the subject is asked). */
        BY_EMAIL(true),
        /** An e-mail channel, but the card has no e-mail. */
        NEEDS_EMAIL(false);

        private final boolean offered;

        Reason(boolean offered) {
            this.offered = offered;
        }

        public boolean offered() {
            return offered;
        }

        public String key() {
            return "write.reason." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One of the user's channels for this client: offered or not, and why. {@code templateRequired}:
     * the dialog starts by phone on a channel that only takes an approved template as the first
     * message (WhatsApp), so free text is not possible.
     */
    public record ChannelChoice(
            ChannelInfo channel, Reason reason, @Nullable Long conversationId, boolean templateRequired) {

        public ChannelChoice(ChannelInfo channel, Reason reason, @Nullable Long conversationId) {
            this(channel, reason, conversationId, false);
        }

        public boolean offered() {
            return reason.offered();
        }
    }

    private final ChannelService channels;
    private final ClientService clients;
    private final ClientIdentities identities;
    private final InboxService inbox;
    private final MessageStore messages;
    private final ConversationQueries conversations;
    private final ConversationChanges changes;
    private final MailThreads mailThreads;
    private final TemplateReplies templateReplies;
    private final com.omnichat.sales.OrderService orders;
    private final com.omnichat.channel.TemplateService templates;

    WriteFirstService(
            ChannelService channels,
            ClientService clients,
            ClientIdentities identities,
            InboxService inbox,
            MessageStore messages,
            ConversationQueries conversations,
            ConversationChanges changes,
            MailThreads mailThreads,
            TemplateReplies templateReplies,
            com.omnichat.sales.OrderService orders,
            com.omnichat.channel.TemplateService templates) {
        this.mailThreads = mailThreads;
        this.templates = templates;
        this.templateReplies = templateReplies;
        this.orders = orders;
        this.channels = channels;
        this.clients = clients;
        this.identities = identities;
        this.inbox = inbox;
        this.messages = messages;
        this.conversations = conversations;
        this.changes = changes;
    }

    /** Clients the user may write to, found by name, nickname, phone or e-mail. */
    @Transactional(readOnly = true)
    public List<ClientSummary> findClients(@Nullable String text, int offset, int limit) {
        return clients.list(new ClientListFilter(text == null ? "" : text, true), offset, limit);
    }

    /** Templates into open chats (the window rules of the chat window). */
    public TemplateReplies templateReplies() {
        return templateReplies;
    }

    /** The channels' approved templates, for the template picker of this dialog. */
    public com.omnichat.channel.TemplateService templates() {
        return templates;
    }

    /** The number of the client's latest active order (a template parameter's suggestion), or null. */
    @Transactional(readOnly = true)
    public @Nullable String latestOrderNumber(long clientId) {
        return orders.latestActiveNumber(clientId);
    }

    /** The client, when the user may see him (else not found). */
    @Transactional(readOnly = true)
    public ClientSummary client(long clientId) {
        return clients.summary(clientId);
    }

    /** Every channel of the user, for this client: offered ones first, then the others with the reason. */
    @Transactional(readOnly = true)
    public List<ChannelChoice> channelsFor(long clientId) {
        ClientSummary client = clients.summary(clientId);
        return channels.myChannels().stream()
                .map(c -> choice(client, c))
                .sorted(java.util.Comparator.comparing((ChannelChoice c) -> !c.offered()))
                .toList();
    }

    /**
     * Sends the first message (or the next one, into the existing chat) and returns the chat.
     * A new chat is created for the client's identity on the channel, or for his phone on a
     * phone channel; a closed chat is reopened. The message is queued like any reply.
     */
    public long write(long clientId, long channelId, String text) {
        return write(clientId, channelId, text, null);
    }

    /** {@link #write(long, long, String)}; {@code subject} starts the e-mail thread (required for {@link Reason#BY_EMAIL}). */
    public long write(long clientId, long channelId, String text, @Nullable String subject) {
        long conversationId = open(clientId, channelId, false, subject);
        inbox.reply(conversationId, text, null, List.of());
        return conversationId;
    }

    /**
     * Starts (or continues) the conversation with an approved template, as a channel that
     * starts dialogs by phone only with a template requires; see {@link TemplateReplies#send}.
     */
    public long writeTemplate(
            long clientId,
            long channelId,
            String name,
            String language,
            java.util.Map<String, String> header,
            java.util.Map<String, String> body,
            @Nullable String headerMediaUrl) {
        long conversationId = open(clientId, channelId, true, null);
        templateReplies.send(conversationId, name, language, header, body, headerMediaUrl);
        return conversationId;
    }

    /** The chat to write into: the existing one (reopened), or a new one on the client's identity or phone. */
    private long open(long clientId, long channelId, boolean template, @Nullable String subject) {
        StaffPrincipal user = CurrentStaff.require();
        ClientSummary client = clients.summary(clientId);
        ChannelInfo channel = channels.myChannels().stream()
                .filter(c -> c.id() == channelId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Channel " + channelId));
        ChannelChoice choice = choice(client, channel);
        if (!choice.offered()) {
            throw new UserFacingException(choice.reason().key(), client.name());
        }
        if (choice.templateRequired() && !template) {
            // Free text would be refused by the provider (WhatsApp: outside the 24-hour window).
            throw new UserFacingException("write.error.template-required", channel.name());
        }
        long conversationId = switch (choice.reason()) {
            case EXISTING_CHAT -> choice.conversationId();
            case KNOWN_ON_CHANNEL ->
                startChat(channelId, identities.latest(client.id(), channelId).orElseThrow(), user);
            case BY_PHONE -> startChat(channelId, phoneIdentity(client, channelId), user);
            case BY_EMAIL -> mailThreads.start(channelId, emailIdentity(client, channelId), subject, user);
            default -> throw new IllegalStateException(choice.reason().name());
        };
        var chat = inbox.get(conversationId);
        if (chat.state() == ConversationState.CLOSED) {
            inbox.reopen(conversationId);
        }
        return conversationId;
    }

    private ChannelChoice choice(ClientSummary client, ChannelInfo channel) {
        Optional<Long> chat = conversation(client.id(), channel.id());
        Set<Capability> capabilities = channels.capabilities(channel.id());
        if (!channel.enabled() || !capabilities.contains(Capability.SEND_TEXT)) {
            return new ChannelChoice(channel, Reason.CANNOT_SEND, chat.orElse(null));
        }
        if (chat.isPresent()) {
            return new ChannelChoice(channel, Reason.EXISTING_CHAT, chat.get());
        }
        if (client.channelIds().contains(channel.id())) {
            return new ChannelChoice(channel, Reason.KNOWN_ON_CHANNEL, null);
        }
        if (capabilities.contains(Capability.START_BY_EMAIL)) {
            return new ChannelChoice(channel, client.email() == null ? Reason.NEEDS_EMAIL : Reason.BY_EMAIL, null);
        }
        if (capabilities.contains(Capability.START_BY_PHONE)) {
            return client.phone() == null
                    ? new ChannelChoice(channel, Reason.NEEDS_PHONE, null)
                    : new ChannelChoice(
                            channel, Reason.BY_PHONE, null, capabilities.contains(Capability.START_NEEDS_TEMPLATE));
        }
        return new ChannelChoice(channel, Reason.BOT_NEEDS_CLIENT_FIRST, null);
    }

    /** The client's most recently active chat on the channel. */
    private Optional<Long> conversation(long clientId, long channelId) {
        return conversations.latestOf(clientId, channelId);
    }

    private ClientIdentityRef emailIdentity(ClientSummary client, long channelId) {
        String address =
                java.util.Objects.requireNonNull(client.email()).strip().toLowerCase(java.util.Locale.ROOT);
        ClientIdentityRef identity = identities.identityFor(client.id(), channelId, address);
        if (identity.clientId() != client.id()) {
            throw new UserFacingException("write.error.email-of-other-client", address, identity.name());
        }
        return identity;
    }

    private ClientIdentityRef phoneIdentity(ClientSummary client, long channelId) {
        String phone = java.util.Objects.requireNonNull(client.phone());
        // The provider cannot address this number (not a valid number for it, or not on it): say so.
        String externalId = channels.externalUserIdForPhone(channelId, phone)
                .orElseThrow(() -> new UserFacingException(
                        "write.error.phone-not-on-channel",
                        com.omnichat.customer.Phones.display(phone),
                        channelName(channelId)));
        ClientIdentityRef identity = identities.identityFor(client.id(), channelId, externalId);
        if (identity.clientId() != client.id()) {
            // The number is another client's on this channel: never write into his chat by mistake.
            throw new UserFacingException("write.error.phone-of-other-client", client.phone(), identity.name());
        }
        return identity;
    }

    private String channelName(long channelId) {
        return channels.myChannels().stream()
                .filter(c -> c.id() == channelId)
                .map(ChannelInfo::name)
                .findFirst()
                .orElse("");
    }

    /** A chat for the identity (a new one, or the one it already has), marked as started by the manager. */
    private long startChat(long channelId, ClientIdentityRef identity, StaffPrincipal user) {
        Long created =
                changes.createForIdentity(channelId, identity, Instant.now()).orElse(null);
        if (created == null) {
            return conversations.directChatOf(identity.identityId()).orElseThrow();
        }
        messages.insertSystemMessage(
                created,
                channelId,
                user.id() == com.omnichat.base.SystemAccess.SYSTEM_USER_ID ? null : user.id(),
                "started-by-manager",
                user.fullName());
        return created;
    }
}
