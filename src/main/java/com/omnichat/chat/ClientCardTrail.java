package com.omnichat.chat;

import com.omnichat.base.CurrentStaff;
import com.omnichat.base.StaffPrincipal;
import com.omnichat.base.SystemAccess;
import com.omnichat.channel.ChannelService;
import com.omnichat.chat.ChatEvent.Type;
import com.omnichat.customer.ClientLinkedToBuyer;
import com.omnichat.customer.ClientSavedAsBuyer;
import com.omnichat.customer.ClientService;
import com.omnichat.customer.ClientSummary;
import com.omnichat.customer.ClientUpdated;
import com.omnichat.customer.ClientsMerged;
import com.omnichat.customer.Phones;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The chat's side of the lead/buyer card. Runs inside the card's transaction: chats follow
 * a merged lead to his buyer (with the denormalized name and photo the list shows), a
 * renamed client is renamed in his chats, every card action leaves a system message in the
 * chat the manager acted from, and everyone looking at one of the client's chats hears of
 * it (their card and list refresh).
 */
@Component
class ClientCardTrail {

    private final ConversationQueries conversations;
    private final MessageStore messages;
    private final ChatUpdates updates;
    private final ChannelService channels;
    private final ClientService clients;
    private final ConversationChanges changes;

    ClientCardTrail(
            ConversationQueries conversations,
            MessageStore messages,
            ChatUpdates updates,
            ChannelService channels,
            ClientService clients,
            ConversationChanges changes) {
        this.conversations = conversations;
        this.messages = messages;
        this.updates = updates;
        this.channels = channels;
        this.clients = clients;
        this.changes = changes;
    }

    @EventListener
    void on(ClientsMerged event) {
        // The actor may see the buyer: the lead's identities (on his channels) are the buyer's now.
        ClientSummary buyer = clients.summary(event.buyerId());
        changes.moveClient(event.leadId(), buyer);
        announce(buyer.id());
    }

    @EventListener
    void on(ClientLinkedToBuyer event) {
        String code = switch (event.reason()) {
            case SAME_PHONE -> "client-linked-same-phone";
            case SAME_EMAIL -> "client-linked-same-email";
            case CHOSEN -> "client-linked";
        };
        trail(event.conversationId(), event.buyerId(), code, event.buyerName());
    }

    @EventListener
    void on(ClientSavedAsBuyer event) {
        trail(event.conversationId(), event.clientId(), "client-saved-as-buyer");
        announce(event.clientId());
    }

    @EventListener
    void on(ClientUpdated event) {
        switch (event.change()) {
            case NAME -> {
                changes.renameClient(event.clientId(), event.value());
                trail(event.conversationId(), event.clientId(), "client-renamed", String.valueOf(event.value()));
            }
            case PHONE -> {
                if (event.value() == null) {
                    trail(event.conversationId(), event.clientId(), "client-phone-removed");
                } else {
                    trail(event.conversationId(), event.clientId(), "client-phone", Phones.display(event.value()));
                }
            }
            case EMAIL -> {
                if (event.value() == null) {
                    trail(event.conversationId(), event.clientId(), "client-email-removed");
                } else {
                    trail(event.conversationId(), event.clientId(), "client-email", event.value());
                }
            }
            case NOTE -> trail(event.conversationId(), event.clientId(), "client-note");
            case PHONE_CONFIRMED ->
                trail(
                        event.conversationId(),
                        event.clientId(),
                        "client-phone-confirmed",
                        Phones.display(event.value()));
            case EMAIL_CONFIRMED ->
                trail(
                        event.conversationId(),
                        event.clientId(),
                        "client-email-confirmed",
                        String.valueOf(event.value()));
        }
        announce(event.clientId());
    }

    /**
     * The system message in the chat the manager acted from, if that chat is the client's and
     * the manager may see it (an id from elsewhere writes nothing).
     */
    private void trail(long conversationId, long clientId, String code, String... args) {
        if (conversationId == 0) {
            return;
        }
        StaffPrincipal actor = CurrentStaff.require();
        var conversation = conversations.byId(conversationId);
        if (conversation == null
                || conversation.clientId() != clientId
                || !channels.canAccess(actor, conversation.channelId())) {
            return;
        }
        String[] all = new String[args.length + 1];
        all[0] = actor.fullName();
        for (int i = 0; i < args.length; i++) {
            all[i + 1] = args[i];
        }
        messages.insertSystemMessage(
                conversationId,
                conversation.channelId(),
                actor.id() == SystemAccess.SYSTEM_USER_ID ? null : actor.id(),
                code,
                all);
    }

    /** Tells the views of every chat of the client (after commit) that something changed. */
    private void announce(long clientId) {
        conversations
                .chatsOfClient(clientId)
                .forEach(c -> updates.publish(new ChatEvent(Type.UPDATED, c.id(), c.channelId(), null)));
    }
}
