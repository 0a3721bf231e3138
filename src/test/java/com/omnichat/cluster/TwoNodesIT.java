package com.omnichat.cluster;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two application processes (the packaged jar) on one PostgreSQL database, as behind a load
 * balancer: what one node receives or decides holds on the other. The Telegram provider is a
 * fake in this JVM; the channel is connected the way an administrator does it (Administration →
 * Channels, "Register webhook"), and Telegram then posts to the URL and with the secret the
 * node registered. Each node's output is in {@code target/cluster/node-*-<time>.log}.
 */
class TwoNodesIT {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "Shop-keeper-2026!";
    static final String MANAGER = "max";
    static final String MANAGER_NAME = "Max Petrenko";
    static final String MANAGER_PASSWORD = "Quiet-river-2026!";
    /** Failed sign-ins one client address may make (on all nodes together) before it is refused. */
    static final int FAILURES_PER_ADDRESS = 4;

    static ClusterDatabase database;
    static FakeTelegramServer telegram;
    static AppNode nodeA;
    static AppNode nodeB;
    static ClusterBrowser browser;
    static TelegramPush push;
    static Page adminOnA;

    @BeforeAll
    static void twoNodesOnOneDatabase() {
        database = ClusterDatabase.recreate(
                System.getenv().getOrDefault("OMNICHAT_TEST_DB", "omnichat_test") + "_cluster", true);
        telegram = new FakeTelegramServer();
        Map<String, String> settings = Map.of(
                "omnichat.channels.telegram.api-url", telegram.url(),
                "omnichat.channels.workers", "true",
                "omnichat.channels.polling.enabled", "true",
                // Shorter than a batch of slow sends: a lost lease shows as a second delivery.
                "omnichat.channels.delivery.lease", "2s",
                "omnichat.login.failures-per-address", Integer.toString(FAILURES_PER_ADDRESS));
        nodeA = AppNode.of(
                        "node-a",
                        database.name(),
                        settings,
                        Map.of("OMNICHAT_ADMIN_LOGIN", ADMIN, "OMNICHAT_ADMIN_PASSWORD", ADMIN_PASSWORD))
                .start();
        nodeB = AppNode.of("node-b", database.name(), settings, Map.of()).start();
        nodeA.awaitHealthy(Duration.ofMinutes(6));
        nodeB.awaitHealthy(Duration.ofMinutes(6));

        browser = new ClusterBrowser();
        adminOnA = browser.newPage();
        ClusterBrowser.signIn(adminOnA, nodeA, ADMIN, ADMIN_PASSWORD);
        ClusterBrowser.connectTelegram(adminOnA, nodeA, "Telegram · shop", "7000001:AATwoNodesToken", "Webhook");
        ClusterBrowser.registerWebhook(adminOnA, nodeA, "Telegram · shop");
        push = new TelegramPush(telegram.webhooks().getLast());
        ClusterBrowser.addManager(adminOnA, nodeA, MANAGER, MANAGER_NAME, MANAGER_PASSWORD);
    }

    @AfterAll
    static void stopEverything() {
        // Each step on its own: whatever started is stopped, even when an earlier one failed.
        List<AutoCloseable> all = new ArrayList<>();
        all.add(browser);
        all.add(push);
        all.add(nodeA);
        all.add(nodeB);
        all.add(telegram);
        all.add(database);
        for (AutoCloseable closeable : all) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // Keep stopping the rest.
            }
        }
    }

    @Test
    void aMessageArrivingAtNodeAAppearsLiveForAUserSignedInOnNodeB() {
        Page onB = browser.newPage();
        ClusterBrowser.signIn(onB, nodeB, ADMIN, ADMIN_PASSWORD);
        onB.navigate(nodeB.url("/chats"));
        assertThat(onB.locator("vaadin-grid.chat-grid")).isVisible();
        ClusterBrowser.waitForVaadin(onB);

        assertThat(push.post(nodeA, TelegramPush.textUpdate(101, 3101, "Live Client", 1, "Hello from node A")))
                .isEqualTo(200);

        Locator row = onB.locator(".chat-row").filter(new Locator.FilterOptions().setHasText("Live Client"));
        assertThat(row).isVisible();
        assertThat(row).containsText("Hello from node A");
        row.click();
        assertThat(onB.locator(".message-client")).containsText("Hello from node A");

        // The open chat window on B receives the next message posted to A, still without a reload.
        assertThat(push.post(nodeA, TelegramPush.textUpdate(102, 3101, "Live Client", 2, "Are you there?")))
                .isEqualTo(200);
        assertThat(onB.locator(".message-client").filter(new Locator.FilterOptions().setHasText("Are you there?")))
                .isVisible();
        ClusterBrowser.screenshot(onB, "live-on-node-b");
    }

    /** Needs the cross-node session expiry (PostgreSQL NOTIFY, branch "auth"). */
    @Test
    void deactivatingAUserOnNodeAEndsHisSessionOnNodeB() {
        String login = "olha";
        String name = "Olha Deactivated";
        ClusterBrowser.addManager(adminOnA, nodeA, login, name, MANAGER_PASSWORD);
        Page managerOnB = browser.newPage();
        ClusterBrowser.signIn(managerOnB, nodeB, login, MANAGER_PASSWORD);
        managerOnB.navigate(nodeB.url("/chats"));
        assertThat(managerOnB.locator(".view-title")).hasText("Chats");

        ClusterBrowser.deactivate(adminOnA, nodeA, name);

        // His next action on B finds no session: B sends him to the sign-in page.
        await("the session on node B ends")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    managerOnB.navigate(nodeB.url("/chats"));
                    assertThat(managerOnB.url())
                            .as("the page node B serves him")
                            .contains("/login");
                });
        assertThat(managerOnB.locator("vaadin-login-form")).isVisible();
        assertThat(SignInForm.signIn(nodeB, "198.51.100.20", login, MANAGER_PASSWORD))
                .as("a deactivated user cannot sign in again on B")
                .isFalse();
    }

    /** Needs the shared bucket store of login throttling (Bucket4j on PostgreSQL, branch "auth"). */
    @Test
    void failedSignInsOfOneAddressAreCountedAcrossBothNodes() {
        String address = "203.0.113.7";
        // Wrong passwords for different logins, alternating between the nodes: per node, only half of the allowance.
        for (int i = 0; i < FAILURES_PER_ADDRESS; i++) {
            AppNode node = i % 2 == 0 ? nodeA : nodeB;
            assertThat(SignInForm.signIn(node, address, "guess" + i, "wrong-password-" + i))
                    .isFalse();
        }

        assertThat(SignInForm.signIn(nodeA, address, MANAGER, MANAGER_PASSWORD))
                .as("the address used up its allowance on both nodes together: even the right password is refused on A")
                .isFalse();
        assertThat(SignInForm.signIn(nodeB, address, MANAGER, MANAGER_PASSWORD))
                .as("... and on B")
                .isFalse();
        assertThat(SignInForm.signIn(nodeB, "203.0.113.8", MANAGER, MANAGER_PASSWORD))
                .as("another address is not affected")
                .isTrue();
    }

    @Test
    void aChannelIsPolledByOneNodeAtATime() {
        int updates = 8;
        telegram.queueUpdates(IntStream.rangeClosed(1, updates)
                .mapToObj(i -> TelegramPush.textUpdate(i, 4000 + i, "Polled Client " + i, 1, "Polled message " + i))
                .toList());

        // Both nodes schedule the channel's polling job (one at start-up, one on the change); Quartz runs it once.
        ClusterBrowser.connectTelegram(adminOnA, nodeA, "Telegram · polling", "7000002:AAPollingToken", "Polling");

        await("every polled update stored")
                .atMost(Duration.ofMinutes(2))
                .until(() -> database.count(
                                "select count(*) from message where kind = 'CLIENT' and body like 'Polled message %'")
                        == updates);
        int pollsSoFar = telegram.polls();
        await("more polls after the last update")
                .atMost(Duration.ofMinutes(1))
                .until(() -> telegram.polls() >= pollsSoFar + 5);

        assertThat(database.count("select count(*) from qrtz_scheduler_state"))
                .as("both nodes in the Quartz cluster")
                .isEqualTo(2);
        assertThat(telegram.maxPollsInFlight())
                .as("never two long polls of the channel at once")
                .isEqualTo(1);
        assertThat(database.count("""
                select count(*) from (select body from message where body like 'Polled message %%'
                                      group by body having count(*) > 1) d""")).isZero();
        List<Long> offsets = telegram.pollOffsets();
        assertThat(offsets).as("offsets only move forward").isSorted();
    }

    /** Needs the one-row-at-a-time outbound claim (point "Outbound queue"). */
    @Test
    void aReplyIsDeliveredOnceWhileBothNodesWorkTheQueue() {
        int chats = 12;
        for (int i = 1; i <= chats; i++) {
            AppNode node = i % 2 == 0 ? nodeA : nodeB;
            assertThat(push.post(
                            node,
                            TelegramPush.textUpdate(200 + i, 6000 + i, "Queue Client " + i, 1, "Order question " + i)))
                    .isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> database.count("select count(*) from conversation where client_name like 'Queue Client %'")
                        == chats);

        // The provider asks to wait while the replies are typed: they pile up in the queue. Then it is
        // slow: a batch of sends outlasts the 2 s lease, so both nodes' workers meet in the queue.
        telegram.holdSends(true);
        telegram.sendLatency(Duration.ofMillis(700));
        Page adminOnB = browser.newPage();
        ClusterBrowser.signIn(adminOnB, nodeB, ADMIN, ADMIN_PASSWORD);
        List<String> texts = new ArrayList<>();
        for (int i = 1; i <= chats; i++) {
            String client = "Queue Client " + i;
            long conversation = database.count("select id from conversation where client_name = ?", client);
            String text = "Your order " + i + " ships today";
            ClusterBrowser.reply(
                    i % 2 == 0 ? adminOnA : adminOnB, i % 2 == 0 ? nodeA : nodeB, conversation, client, text);
            texts.add(text);
        }
        telegram.holdSends(false);

        await("every reply sent")
                .atMost(Duration.ofMinutes(2))
                .until(() ->
                        database.count("select count(*) from outbound_message o join message m on m.id = o.message_id "
                                        + "where m.body like 'Your order %' and o.status = 'SENT'")
                                == chats);
        // Still exactly once a while later: a node that lost its lease must not send again afterwards.
        Map<String, Integer> once = new java.util.TreeMap<>();
        texts.forEach(t -> once.put(t, 1));
        await("each reply sent exactly once")
                .during(Duration.ofSeconds(5))
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(telegram.sentTexts())
                        .as("sendMessage calls per reply")
                        .containsAllEntriesOf(once));
        telegram.sendLatency(Duration.ZERO);
    }
}
