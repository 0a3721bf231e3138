package com.omnichat.customer;

import com.omnichat.channel.ChannelInfo;
import com.omnichat.chat.InboxFixtures;
import com.omnichat.chat.InboxService;
import com.omnichat.chat.MessageView;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Leads and buyers for card use cases, made through the real services by whoever is signed
 * in: a client writes (a lead appears), the manager fills in the card and saves the buyer.
 * One bean of the shared test context ({@link com.omnichat.IntegrationTest}).
 */
public class CardFixtures {

    private final InboxFixtures inbox;
    private final InboxService chats;
    private final ClientService clients;
    private final ClientCardService cards;

    CardFixtures(InboxFixtures inbox, InboxService chats, ClientService clients, ClientCardService cards) {
        this.inbox = inbox;
        this.chats = chats;
        this.clients = clients;
        this.cards = cards;
    }

    /** A new client writes on the channel: his chat. */
    public long chat(ChannelInfo channel, String name) {
        return inbox.newChat(channel, name);
    }

    public long chat(ChannelInfo channel, String name, @Nullable String nickname) {
        return inbox.newChat(channel, name, nickname);
    }

    /** The client of a chat, as the card shows him now. */
    public ClientSummary clientOf(long chat) {
        return clients.summary(chats.get(chat).clientId());
    }

    /** A lead with the given contacts (null: left empty), typed on his card. */
    public ClientSummary lead(long chat, @Nullable String phone, @Nullable String email) {
        ClientSummary lead = clientOf(chat);
        if (phone != null) {
            lead = cards.changePhone(lead.id(), lead.version(), phone, chat);
        }
        if (email != null) {
            lead = cards.changeEmail(lead.id(), lead.version(), email, chat);
        }
        return lead;
    }

    /** A buyer saved from his chat with the given contacts. */
    public ClientSummary buyer(long chat, @Nullable String phone, @Nullable String email) {
        ClientSummary lead = lead(chat, phone, email);
        SaveBuyerResult result = cards.saveAsBuyer(lead.id(), lead.version(), chat);
        if (result.offered() || result.linked()) {
            throw new IllegalStateException("Expected a new buyer, got " + result);
        }
        return result.buyer();
    }

    /** The system messages of the chat: "code | argument | argument". */
    public List<String> systemMessages(long chat) {
        return chats.history(chat, null, 100).stream()
                .filter(m -> m.systemCode() != null)
                .map(CardFixtures::render)
                .toList();
    }

    private static String render(MessageView m) {
        return m.systemCode() + m.systemArgs().stream().map(a -> " | " + a).collect(Collectors.joining());
    }
}
