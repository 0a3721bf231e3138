package com.omnichat.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.IntegrationTest;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.chat.ChatFilter.Responsible;
import com.omnichat.chat.ChatFilter.StateTab;
import com.omnichat.user.StaffFixtures;
import com.omnichat.user.StaffMember;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The chat list is planned for the values at hand, every time: a manager searching all day
 * never gets a plan cached for somebody else's search term (PostgreSQL's generic plan walks
 * the whole list for a rare name — see the benchmark, docs/benchmarks.md).
 */
@IntegrationTest
class ChatListPlanTest {

    @Autowired
    StaffFixtures staff;

    @Autowired
    InboxFixtures fixtures;

    @Autowired
    InboxService inbox;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void repeatedSearchesAndCountsAreNeverPlannedGenerically() {
        StaffMember anna = staff.manager("anna");
        ChannelInfo telegram = fixtures.channel("Telegram shop", anna);
        fixtures.newChat(telegram, "Олена Бондар", "olena_b");
        fixtures.newChat(telegram, "Emma Wilson", "emma.w");
        staff.signInAs(anna);

        // One transaction: one connection, whose prepared statements can be inspected afterwards.
        record Plans(long statements, long generic) {}
        Plans plans = transactions.execute(status -> {
            for (int i = 0; i < 12; i++) {
                var filter = new ChatFilter(
                        StateTab.ALL, i % 2 == 0 ? "олена" : "emma", false, Set.of(), Responsible.ALL, null);
                assertThat(inbox.list(filter, null, 0, 50)).hasSize(1);
                assertThat(inbox.counts(filter).open()).isEqualTo(1);
            }
            // The list's and the counts' statements (the only ones starting with the channel).
            return jdbc.sql("""
                            select count(*), coalesce(sum(generic_plans), 0) from pg_prepared_statements
                            where statement like '%from conversation where channel_id = %'""")
                    .query((rs, n) -> new Plans(rs.getLong(1), rs.getLong(2)))
                    .single();
        });

        assertThat(plans.statements())
                .as("the list's and the counts' prepared statements were found")
                .isGreaterThanOrEqualTo(2);
        assertThat(plans.generic()).isZero();
    }
}
