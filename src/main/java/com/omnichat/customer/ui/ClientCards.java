package com.omnichat.customer.ui;

import com.omnichat.customer.ClientCardService;
import com.omnichat.customer.ClientService;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Makes lead/buyer cards for views (the chats page's right column, a client's page), with
 * the sections other features contribute as {@link ClientCardSection} beans, in their order.
 */
@Component
public class ClientCards {

    private final ClientService clients;
    private final ClientCardService cards;
    private final ObjectProvider<ClientCardSection> sections;

    ClientCards(ClientService clients, ClientCardService cards, ObjectProvider<ClientCardSection> sections) {
        this.clients = clients;
        this.cards = cards;
        this.sections = sections;
    }

    /**
     * The card of the client (or of the buyer he was linked to), shown beside the chat
     * {@code conversationId} on {@code channelId} (both null outside the chats page).
     * Not found when the user may not see him.
     */
    public ClientCard create(long clientId, @Nullable Long conversationId, @Nullable Long channelId) {
        List<ClientCardSection> ordered = sections.stream()
                .sorted(Comparator.comparingInt(ClientCardSection::order))
                .toList();
        return new ClientCard(clients, cards, ordered, clients.current(clientId), conversationId, channelId);
    }
}
