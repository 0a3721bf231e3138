package com.omnichat.customer;

import com.omnichat.base.SystemAccess;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo buyers (dev profile): two of the demo chats' clients are saved as buyers with their
 * contacts, so the Clients section and the buyer's card have something to show. Runs after
 * the demo inbox; does nothing once they are buyers (or when they do not exist).
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "omnichat.demo-data", havingValue = "true")
class DemoBuyers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoBuyers.class);

    private final ClientService clients;
    private final ClientCardService cards;

    DemoBuyers(ClientService clients, ClientCardService cards) {
        this.clients = clients;
        this.cards = cards;
    }

    @Override
    public void run(ApplicationArguments args) {
        SystemAccess.run(() -> {
            boolean taras =
                    buyer("Тарас Мельник", "+380 93 555 12 34", "taras.melnyk@ukr.net", "Постійний клієнт, знижка 5%");
            boolean irina = buyer("Ирина Ковальчук", "+380 67 210 44 18", "irina.kovalchuk@gmail.com", null);
            if (taras || irina) {
                log.info("Demo buyers saved");
            }
        });
    }

    private boolean buyer(String name, String phone, String email, @Nullable String note) {
        var found = clients.list(new ClientListFilter(name, true), 0, 1).stream()
                .filter(c -> c.name().equals(name) && !c.buyer())
                .findFirst();
        if (found.isEmpty()) {
            return false;
        }
        ClientSummary client = found.get();
        client = cards.changePhone(client.id(), client.version(), phone, null);
        client = cards.changeEmail(client.id(), client.version(), email, null);
        if (note != null) {
            client = cards.changeNote(client.id(), client.version(), note, null);
        }
        cards.saveAsBuyer(client.id(), client.version(), null);
        return true;
    }
}
