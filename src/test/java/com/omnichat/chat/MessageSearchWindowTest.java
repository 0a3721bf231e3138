package com.omnichat.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.IntegrationTest;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.channel.ChannelType;
import com.omnichat.channel.ClientProfile;
import com.omnichat.user.StaffFixtures;
import com.omnichat.user.StaffMember;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A search of several words first reads the newest messages and then goes on down the id index or
 * through the search index, whichever that window says is cheaper: whatever the path, the page is
 * the same — newest match first, only admitted chats, keyset and skip exact across the window's edge.
 */
@IntegrationTest
class MessageSearchWindowTest {

    @Autowired
    StaffFixtures staff;

    @Autowired
    InboxFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void pagesAreTheSameWhateverTheWindowAndThePathAfterIt() {
        StaffMember anna = staff.manager("anna");
        ChannelInfo telegram = fixtures.channel("Telegram · @flowershop_bot", anna);
        ChannelInfo viber = fixtures.channel(ChannelType.VIBER, "Viber · Flower shop");
        ClientProfile taras = fixtures.newClient("Taras Melnyk", null);
        ClientProfile emma = fixtures.newClient("Emma Wilson", null);
        ClientProfile irina = fixtures.newClient("Irina Kovalchuk", null);
        List<Long> expected = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            expected.add(fixtures.write(telegram, taras, "Tracking number " + i + ", please")
                    .messageId());
            fixtures.write(telegram, emma, "Thanks, got it");
            fixtures.write(viber, irina, "My tracking number " + i + " does not work");
            expected.add(fixtures.write(telegram, emma, "Where is the tracking number?")
                    .messageId());
        }
        List<Long> newestFirst = expected.reversed();
        var filter = ChatFilter.open().withSearch("tracking number");
        Set<Long> channels = Set.of(telegram.id());

        for (int window : List.of(1, 3, 5, 100)) {
            var search = new MessageSearch(jdbc, window);
            assertThat(ids(search, filter, channels, anna.id(), null, 0, 50))
                    .as("window " + window)
                    .isEqualTo(newestFirst);
            List<Long> paged = new ArrayList<>();
            Long before = null;
            for (int page = 0; page < 4; page++) {
                List<Long> ids = ids(search, filter, channels, anna.id(), before, 0, 5);
                paged.addAll(ids);
                before = ids.isEmpty() ? before : ids.getLast();
            }
            assertThat(paged).as("keyset, window " + window).isEqualTo(newestFirst);
            assertThat(ids(search, filter, channels, anna.id(), null, 5, 5))
                    .as("skip, window " + window)
                    .isEqualTo(newestFirst.subList(5, 10));
        }
    }

    @Test
    void theWindowChoosesTheWalkForDenseMatchesAndTheIndexForSparseOnes() {
        // 40 admitted matches among 20,000 messages: the 10 missing ones lie ~5,000 messages further.
        assertThat(MessageSearch.walkIsCheaper(20_000, 200, 40, 10, 1_000_000)).isTrue();
        // No admitted match at all: every older match through the index.
        assertThat(MessageSearch.walkIsCheaper(20_000, 3, 0, 50, 1_000_000)).isFalse();
        // Few matches, fewer admitted: the index reads ~1,000, the walk ~200,000.
        assertThat(MessageSearch.walkIsCheaper(20_000, 20, 5, 50, 1_000_000)).isFalse();
    }

    private List<Long> ids(
            MessageSearch search,
            ChatFilter filter,
            Set<Long> channels,
            long userId,
            @Nullable Long before,
            int skip,
            int limit) {
        return transaction.execute(tx -> search.page(filter, channels, userId, before, skip, limit).stream()
                .map(f -> f.match().messageId())
                .toList());
    }
}
