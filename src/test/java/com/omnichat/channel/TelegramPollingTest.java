package com.omnichat.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.base.SystemAccess;
import com.omnichat.channel.internal.Poller;
import com.omnichat.channel.internal.PollingScheduler;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Long polling: the offset moves only after the updates are stored, so a crash or a
 * restart never skips an update, and updates fetched twice are stored once.
 */
class TelegramPollingTest extends ConnectorTest {

    @Autowired
    Poller poller;

    @Autowired
    PollingScheduler scheduler;

    ChannelDetails channel;

    @BeforeEach
    void botConnectedForPolling() {
        channel = connectTelegram(ChannelMode.POLLING);
    }

    @Test
    void updatesAreStoredThenTheOffsetAdvances() {
        telegram.updates = "[" + update(100, "Добрий день") + "," + update(101, "Є півонії?") + "]";

        assertThat(poller.pollOnce(channel.id(), Duration.ZERO)).isEqualTo(2);
        telegram.updates = "[]";
        poller.pollOnce(channel.id(), Duration.ZERO);

        assertThat(telegram.calls("getUpdates").getFirst().body()).doesNotContain("offset");
        assertThat(telegram.calls("getUpdates").get(1).body()).contains("\"offset\":102");
        assertThat(count("select count(*) from message where kind = 'CLIENT'")).isEqualTo(2);
        assertThat(SystemAccess.call(() -> administration.get(channel.id()))
                        .runtime()
                        .lastPollAt())
                .isNotNull();
    }

    @Test
    void aCrashBeforeTheOffsetMovesFetchesTheSameUpdatesAgainAndStoresThemOnce() {
        telegram.updates = "[" + update(200, "one") + "," + update(201, "two") + "]";
        // Storing the second update fails (the node dies, the database blips): the offset must stay.
        jdbc.sql("""
                create or replace function refuse_201() returns trigger language plpgsql as $$
                begin
                  if new.event_key = 'update:201' then raise exception 'simulated crash'; end if;
                  return new;
                end $$""").update();
        jdbc.sql("create trigger refuse_201 before insert on inbound_event for each row execute function refuse_201()")
                .update();
        try {
            poller.pollOnce(channel.id(), Duration.ZERO);
        } finally {
            jdbc.sql("drop trigger refuse_201 on inbound_event").update();
            jdbc.sql("drop function refuse_201()").update();
        }
        assertThat(count("select count(*) from message where kind = 'CLIENT'")).isEqualTo(1);

        // Restart: Telegram sends both again, since the offset did not move.
        poller.pollOnce(channel.id(), Duration.ZERO);

        assertThat(telegram.calls("getUpdates").get(1).body()).doesNotContain("offset");
        assertThat(jdbc.sql("select body from message where kind = 'CLIENT' order by id")
                        .query(String.class)
                        .list())
                .containsExactly("one", "two");
        assertThat(count("select count(*) from inbound_event")).isEqualTo(2);
        telegram.updates = "[]";
        poller.pollOnce(channel.id(), Duration.ZERO);
        assertThat(telegram.calls("getUpdates").get(2).body()).contains("\"offset\":202");
    }

    @Test
    void aPollingChannelGetsAClusteredQuartzJobThatPolls() throws Exception {
        telegram.updates = "[" + update(300, "Hello from polling") + "]";

        scheduler.schedule(channel.id());
        try {
            assertThat(scheduler.isScheduled(channel.id())).isTrue();
            Awaitility.await("the job fetched and stored the update")
                    .atMost(Duration.ofSeconds(15))
                    .until(() -> count("select count(*) from message where kind = 'CLIENT'") == 1);
            assertThat(jdbc.sql("select body from message where kind = 'CLIENT'")
                            .query(String.class)
                            .single())
                    .isEqualTo("Hello from polling");
            assertThat(telegram.calls("getUpdates").getFirst().body())
                    .as("a long poll")
                    .contains("\"timeout\":25");
        } finally {
            context.getBean(org.quartz.Scheduler.class)
                    .deleteJob(org.quartz.JobKey.jobKey("poll-" + channel.id(), "channel-polling"));
        }
    }

    private static String update(long id, String text) {
        return """
                {"update_id":%d,"message":{"message_id":%d,"date":1700000000,
                 "chat":{"id":1111111,"type":"private","first_name":"Olena","username":"olena_b"},
                 "from":{"id":1111111,"is_bot":false,"first_name":"Olena","username":"olena_b"},"text":"%s"}}""".formatted(id, id + 5000, text);
    }
}
