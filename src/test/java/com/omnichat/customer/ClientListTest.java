package com.omnichat.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Clients section's list: buyers (or leads too), searched, page by page in a stable order. */
class ClientListTest extends CardTest {

    @BeforeEach
    void annaHasBuyersAndLeads() {
        card.buyer(card.chat(telegram, "Olena Bondar", "olena_b"), "+380671234567", "olena@example.com");
        card.buyer(card.chat(telegram, "Taras Melnyk", "taras.m"), "+380931112233", null);
        card.chat(telegram, "Emma Wilson", "emma_w");
    }

    @Test
    void buyersOnlyUnlessLeadsAreAskedFor() {
        assertThat(names(new ClientListFilter("", false))).containsExactly("Olena Bondar", "Taras Melnyk");
        assertThat(names(new ClientListFilter("", true)))
                .containsExactly("Emma Wilson", "Olena Bondar", "Taras Melnyk");
    }

    @Test
    void searchFindsByNamePhoneEmailAndNickname() {
        assertThat(names(new ClientListFilter("bond", false))).containsExactly("Olena Bondar");
        assertThat(names(new ClientListFilter("093 111", false))).containsExactly("Taras Melnyk");
        assertThat(names(new ClientListFilter("+38067", false))).containsExactly("Olena Bondar");
        assertThat(names(new ClientListFilter("OLENA@EXAMPLE", false))).containsExactly("Olena Bondar");
        assertThat(names(new ClientListFilter("@taras.m", false))).containsExactly("Taras Melnyk");
        assertThat(names(new ClientListFilter("emma_w", false)))
                .as("a lead, not asked for")
                .isEmpty();
        assertThat(names(new ClientListFilter("emma_w", true))).containsExactly("Emma Wilson");
    }

    @Test
    void likeWildcardsInTheSearchAreLookedForAsTheyAre() {
        card.chat(telegram, "Roses 1000 Kyiv");
        card.chat(telegram, "Sale 100%_ off");

        assertThat(names(new ClientListFilter("100%_", true)))
                .as("only the literal text, not '100' then anything")
                .containsExactly("Sale 100%_ off");
    }

    @Test
    void pagesFollowOneAnotherWithoutGapsOrRepeats() {
        for (int i = 0; i < 25; i++) {
            card.chat(telegram, "Client " + (char) ('A' + i % 5));
        }
        var filter = new ClientListFilter("client", true);
        List<Long> paged = new ArrayList<>();
        for (int offset = 0; offset < 25; offset += 10) {
            clients.list(filter, offset, 10).forEach(c -> paged.add(c.id()));
        }

        assertThat(paged).hasSize(25).doesNotHaveDuplicates();
        assertThat(paged)
                .isEqualTo(clients.list(filter, 0, 100).stream()
                        .map(ClientSummary::id)
                        .toList());
    }

    private List<String> names(ClientListFilter filter) {
        return clients.list(filter, 0, 50).stream().map(ClientSummary::name).toList();
    }
}
