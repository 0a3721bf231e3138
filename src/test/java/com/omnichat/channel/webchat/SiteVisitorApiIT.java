package com.omnichat.channel.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.omnichat.base.StaffPrincipal;
import com.omnichat.base.SystemAccess;
import com.omnichat.channel.ChannelAdministration;
import com.omnichat.channel.ChannelDraft;
import com.omnichat.channel.ChannelMode;
import com.omnichat.channel.ChannelService;
import com.omnichat.channel.ChannelType;
import com.omnichat.chat.InboxService;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

/**
 * The widget's public API as a visitor's browser uses it, over real HTTP on loopback, with
 * the inbox on the other side. Runs in the application the end-to-end tests start (same
 * configuration, so the same context): demo data is there, so every test makes its own
 * site chat channel and plays visitors from addresses of its own.
 */
// Exactly the configuration of e2e.BrowserTest: the same cached application, background workers on.
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"omnichat.demo-data=true", "omnichat.channels.workers=true"})
@ActiveProfiles("test")
class SiteVisitorApiIT {

    static final String SHOP = "https://shop.example";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static final Duration WAIT = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    @Autowired
    ChannelAdministration administration;

    @Autowired
    ChannelService channels;

    @Autowired
    InboxService inbox;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    DataSource dataSource;

    long channelId;
    String channelKey;

    @BeforeEach
    void siteChat() {
        channelId = SystemAccess.call(() -> administration
                .save(new ChannelDraft(
                        null,
                        ChannelType.WEBCHAT,
                        "Site chat " + UUID.randomUUID(),
                        ChannelMode.WEBHOOK,
                        Map.of(),
                        Map.of(
                                WidgetSettings.ALLOWED_ORIGINS,
                                SHOP + "\nhttps://www.shop.example",
                                WidgetSettings.TITLE,
                                "Shop chat"),
                        true))
                .id());
        channelKey = jdbc.sql("select channel_key from channel where id = ?")
                .param(channelId)
                .query(String.class)
                .single();
    }

    @Test
    void aVisitorStartsASessionAndWritesAndTheMessageIsInTheInbox() {
        WidgetClient visitor = visitor();

        var session = visitor.start();
        assertThat(session.status()).isEqualTo(200);
        assertThat(session.json().get("settings").get("title").asString()).isEqualTo("Shop chat");
        assertThat(session.json().get("messages")).isEmpty();
        assertThat(session.header("Access-Control-Allow-Origin")).isEqualTo(SHOP);

        var sent = visitor.send(clientId(), "Do you deliver to Lviv?");
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.json().get("from").asString()).isEqualTo("visitor");

        long conversationId = conversationOf(sent.json().get("id").asLong());
        var chat = SystemAccess.callAs(admin(), () -> inbox.get(conversationId));
        assertThat(chat.lastMessagePreview()).isEqualTo("Do you deliver to Lviv?");
        assertThat(chat.clientName()).startsWith("Visitor ");
        assertThat(chat.unreadCount()).isEqualTo(1);
    }

    @Test
    void aRetriedMessageIsStoredOnce() throws Exception {
        WidgetClient visitor = visitor();
        visitor.start();
        String id = clientId();

        var first = visitor.send(id, "Hello?");
        var retry = visitor.send(id, "Hello?");
        var concurrent = com.omnichat.chat.InboxFixtures.concurrently(
                () -> visitor.send(id, "Hello?"), () -> visitor.send(id, "Hello?"));

        assertThat(List.of(first, retry, concurrent.get(0), concurrent.get(1))).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.json().get("id").asLong())
                    .isEqualTo(first.json().get("id").asLong());
        });
        long conversationId = conversationOf(first.json().get("id").asLong());
        assertThat(jdbc.sql("select count(*) from message where conversation_id = ? and kind = 'CLIENT'")
                        .param(conversationId)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(SystemAccess.callAs(admin(), () -> inbox.get(conversationId)).unreadCount())
                .isEqualTo(1);
    }

    @Test
    void aBadForgedOrForeignTokenIsRefused() {
        WidgetClient visitor = visitor();
        visitor.start();
        String good = visitor.token;

        visitor.token = good.substring(0, good.length() - 2) + (good.endsWith("A") ? "BB" : "AA");
        assertThat(visitor.send(clientId(), "hi").status()).isEqualTo(401);
        assertThat(visitor.start().status()).isEqualTo(401);

        visitor.token = null;
        assertThat(visitor.send(clientId(), "hi").status()).isEqualTo(401);

        // A token of another site chat does not open this one.
        long otherId = SystemAccess.call(() -> administration
                .save(new ChannelDraft(
                        null,
                        ChannelType.WEBCHAT,
                        "Other site " + UUID.randomUUID(),
                        ChannelMode.WEBHOOK,
                        Map.of(),
                        Map.of(),
                        true))
                .id());
        String otherKey = jdbc.sql("select channel_key from channel where id = ?")
                .param(otherId)
                .query(String.class)
                .single();
        WidgetClient elsewhere = new WidgetClient(port, otherKey, null, nextAddress());
        assertThat(elsewhere.start().status())
                .as("the other site chat opens a session")
                .isEqualTo(200);
        assertThat(elsewhere.token).as("with a token of its own").isNotBlank().isNotEqualTo(good);
        visitor.token = elsewhere.token;
        assertThat(visitor.send(clientId(), "hi").status()).isEqualTo(401);
    }

    @Test
    void aSiteTheChannelDoesNotAllowIsRefused() {
        WidgetClient evil = new WidgetClient(port, channelKey, "https://evil.example", nextAddress());
        var refused = evil.start();
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
        assertThat(evil.preflight().header("Access-Control-Allow-Origin")).isNull();

        WidgetClient www = new WidgetClient(port, channelKey, "https://www.shop.example", nextAddress());
        var preflight = www.preflight();
        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("https://www.shop.example");
        assertThat(preflight.header("Access-Control-Allow-Headers")).contains("Authorization");
        assertThat(www.start().status()).isEqualTo(200);

        WidgetClient unknownChannel = new WidgetClient(port, "no-such-channel", SHOP, nextAddress());
        assertThat(unknownChannel.start().status()).isEqualTo(404);
        // A site chat switched off answers nobody.
        SystemAccess.run(() -> administration.setEnabled(channelId, false));
        assertThat(www.start().status()).isEqualTo(404);
    }

    @Test
    void tooManyMessagesFromAVisitorGetAClear429() {
        WidgetClient visitor = visitor();
        visitor.start();
        WidgetClient.Answer answer = null;
        int sent = 0;
        for (; sent < 100; sent++) {
            answer = visitor.send(clientId(), "message " + sent);
            if (answer.status() != 200) {
                break;
            }
        }
        assertThat(answer.status()).isEqualTo(429);
        assertThat(sent).isEqualTo(20);
        assertThat(answer.json().get("error").asString()).isEqualTo("rate-limited");
        assertThat(Long.parseLong(answer.header("Retry-After"))).isPositive();
        // Another visitor is not affected.
        WidgetClient other = visitor();
        other.start();
        assertThat(other.send(clientId(), "hi").status()).isEqualTo(200);
    }

    @Test
    void tooManyRequestsFromOneAddressGetAClear429() {
        WidgetClient visitor = visitor();
        visitor.start();
        int status = 200;
        int calls = 1;
        while (status != 429 && calls < 1000) {
            status = visitor.earlier(Long.MAX_VALUE).status();
            calls++;
        }
        assertThat(status).isEqualTo(429);
        // 300 a minute, refilled as time passes: the first 300 calls were never refused.
        assertThat(calls).isGreaterThan(300);
    }

    @Test
    void tooManyOpenStreamsFromOneIpv6NetworkGetAClear429() throws Exception {
        // A /64 is one subscriber, whichever of its addresses he uses.
        String network = "2001:db8:" + Integer.toHexString(ADDRESSES.incrementAndGet()) + ":64:";
        List<WidgetClient.Stream> open = new java.util.ArrayList<>();
        try {
            for (int visitor = 0; visitor < 4; visitor++) {
                WidgetClient tab = new WidgetClient(port, channelKey, SHOP, network + ":" + (visitor + 1));
                tab.start();
                for (int i = 0; i < 5; i++) {
                    WidgetClient.Stream stream = tab.stream(0);
                    assertThat(stream.status).isEqualTo(200);
                    stream.next("ready", WAIT);
                    open.add(stream);
                }
            }
            WidgetClient oneMore = new WidgetClient(port, channelKey, SHOP, network + "abcd:ef01:2345:6789");
            oneMore.start();
            try (WidgetClient.Stream refused = oneMore.stream(0)) {
                assertThat(refused.status).isEqualTo(429);
                assertThat(refused.header("Retry-After")).isEqualTo("30");
            }
            assertThat(oneMore.poll(0).status()).isEqualTo(429);

            // Another network is not affected.
            WidgetClient elsewhere = visitor();
            elsewhere.start();
            try (WidgetClient.Stream stream = elsewhere.stream(0)) {
                assertThat(stream.status).isEqualTo(200);
            }
        } finally {
            for (WidgetClient.Stream stream : open) {
                stream.close();
            }
        }
    }

    @Test
    void oversizedBodiesAndTextsAreRefused() {
        WidgetClient visitor = visitor();
        visitor.start();
        String huge = "x".repeat(40_000);
        assertThat(visitor.send(clientId(), huge).status()).isEqualTo(413);
        var tooLong = visitor.send(clientId(), "y".repeat(WebchatService.MAX_TEXT + 1));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("error").asString()).isEqualTo("too-long");
        assertThat(visitor.raw("POST", "/messages", "{not json", true).status()).isEqualTo(400);
    }

    @Test
    void hostileTextIsStoredAsItIsAndReturnedAsText() {
        WidgetClient visitor = visitor();
        visitor.start();
        String hostile = "<img src=x onerror=alert(1)><script>alert('x')</script> & \"quotes\"";

        var sent = visitor.send(clientId(), hostile);

        assertThat(sent.json().get("text").asString()).isEqualTo(hostile);
        long messageId = jdbc.sql("select message_id from webchat_message where seq = ?")
                .param(sent.json().get("id").asLong())
                .query(Long.class)
                .single();
        assertThat(jdbc.sql("select body from message where id = ?")
                        .param(messageId)
                        .query(String.class)
                        .single())
                .isEqualTo(hostile);
        assertThat(sent.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void aManagersReplyArrivesOnTheStreamIsDeliveredAndReadWhenSeen() throws Exception {
        WidgetClient visitor = visitor();
        visitor.start();
        var sent = visitor.send(clientId(), "Is the shop open on Sunday?");
        long conversationId = conversationOf(sent.json().get("id").asLong());

        try (var stream = visitor.stream(sent.json().get("id").asLong())) {
            assertThat(stream.status).isEqualTo(200);
            stream.next("ready", WAIT);
            long replyId = SystemAccess.callAs(
                    admin(), () -> inbox.reply(conversationId, "Yes, 10:00-18:00", null, List.of()));

            var event = stream.next("message", WAIT).json();
            assertThat(event.get("from").asString()).isEqualTo("agent");
            assertThat(event.get("text").asString()).isEqualTo("Yes, 10:00-18:00");
            eventually(() -> status(replyId).equals("DELIVERED"));

            assertThat(visitor.read(event.get("id").asLong()).status()).isEqualTo(204);
            eventually(() -> status(replyId).equals("READ"));
        }
    }

    @Test
    void aVisitorWhoWasAwayCatchesUpFromHisCursor() throws Exception {
        WidgetClient visitor = visitor();
        visitor.start();
        var sent = visitor.send(clientId(), "Anyone there?");
        long seq = sent.json().get("id").asLong();
        long conversationId = conversationOf(seq);
        long replyId = SystemAccess.callAs(admin(), () -> inbox.reply(conversationId, "Here we are", null, List.of()));
        eventually(() -> status(replyId).equals("SENT"));

        // Back with the page: the session brings the latest lines; a stream from his cursor brings the rest.
        var resumed = visitor.start();
        assertThat(resumed.json().get("messages"))
                .extracting(m -> m.get("text").asString())
                .containsExactly("Anyone there?", "Here we are");
        try (var stream = visitor.stream(seq)) {
            assertThat(stream.next("message", WAIT).json().get("text").asString())
                    .isEqualTo("Here we are");
        }
        var polled = visitor.poll(seq);
        assertThat(polled.json().get("messages"))
                .extracting(m -> m.get("text").asString())
                .containsExactly("Here we are");
        eventually(() -> status(replyId).equals("DELIVERED"));
    }

    @Test
    void aLineAnnouncedByAnotherNodeReachesTheStreamHere() throws Exception {
        WidgetClient visitor = visitor();
        visitor.start();
        var sent = visitor.send(clientId(), "Hello from the site");
        long seq = sent.json().get("id").asLong();
        String visitorId = jdbc.sql("select visitor_id from webchat_message where seq = ?")
                .param(seq)
                .query(String.class)
                .single();

        try (var stream = visitor.stream(seq)) {
            stream.next("ready", WAIT);
            // Another node's delivery worker: its own connection, its own transaction, a NOTIFY at commit.
            try (Connection node2 = dataSource.getConnection()) {
                node2.setAutoCommit(false);
                try (var insert = node2.prepareStatement("""
                        insert into webchat_message (channel_id, visitor_id, message_id, from_visitor, body)
                        values (?, ?, (select coalesce(max(message_id), 0) + 1000000 from webchat_message), false, ?)""")) {
                    insert.setLong(1, channelId);
                    insert.setString(2, visitorId);
                    insert.setString(3, "Written on node 2");
                    insert.executeUpdate();
                }
                try (var notify = node2.prepareStatement("select pg_notify('omnichat_events', ?)")) {
                    notify.setString(
                            1,
                            WidgetClient.JSON.writeValueAsString(Map.of(
                                    "type",
                                    VisitorLinesAdded.class.getName(),
                                    "event",
                                    new VisitorLinesAdded(channelId, visitorId))));
                    notify.execute();
                }
                node2.commit();
            }
            assertThat(stream.next("message", WAIT).json().get("text").asString())
                    .isEqualTo("Written on node 2");
        }
    }

    @Test
    void contactsLeftInTheWidgetFillTheClientsCard() {
        WidgetClient visitor = visitor();
        visitor.start();
        // Before the first message there is no client yet: the contacts wait for him.
        assertThat(visitor.contacts("Olena", "Olena@Example.com", "+380 67 123 45 67")
                        .status())
                .isEqualTo(200);
        var sent = visitor.send(clientId(), "I want peonies");
        long clientId = clientOf(conversationOf(sent.json().get("id").asLong()));

        var client = jdbc.sql("select name, email, phone from client where id = ?")
                .param(clientId)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
                .single();
        assertThat(client).containsExactly("Olena", "olena@example.com", "+380671234567");
        // Anyone can type anyone's phone here: the card marks both as unverified.
        assertThat(jdbc.sql("select phone_verified or email_verified from client where id = ?")
                        .param(clientId)
                        .query(Boolean.class)
                        .single())
                .isFalse();

        assertThat(visitor.contacts(null, "not an address", null).status()).isEqualTo(400);
        assertThat(visitor.contacts(null, null, "call me maybe")
                        .json()
                        .get("field")
                        .asString())
                .isEqualTo("phone");
        assertThat(visitor.start().json().get("profile").get("email").asString())
                .isEqualTo("Olena@Example.com");
    }

    @Test
    void theDemoPageEmbedsTheWidget() {
        var page = new WidgetClient(port, channelKey, null, nextAddress());
        var http = java.net.http.HttpClient.newHttpClient();
        try {
            var response = http.send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                    "http://localhost:" + port + "/widget-demo?channel=" + channelKey))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("/widget/omnichat-widget.js", "data-channel=\"" + channelKey + "\"");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(page.start().status()).isEqualTo(200);
    }

    // ---- helpers ----

    private WidgetClient visitor() {
        return new WidgetClient(port, channelKey, SHOP, nextAddress());
    }

    private static String nextAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198.51." + (100 + n / 250) + "." + (1 + n % 250);
    }

    private static String clientId() {
        return UUID.randomUUID().toString();
    }

    private long conversationOf(long seq) {
        return jdbc.sql("""
                        select m.conversation_id from webchat_message w join message m on m.id = w.message_id
                        where w.seq = ?""").param(seq).query(Long.class).single();
    }

    private long clientOf(long conversationId) {
        return jdbc.sql("select client_id from conversation where id = ?")
                .param(conversationId)
                .query(Long.class)
                .single();
    }

    private String status(long messageId) {
        return jdbc.sql("select delivery_status from message where id = ?")
                .param(messageId)
                .query(String.class)
                .single();
    }

    /** The administrator answers (he sees every channel; the demo managers' channel lists stay as they are). */
    private StaffPrincipal admin() {
        return (StaffPrincipal) users.loadUserByUsername("admin");
    }

    private static void eventually(Supplier<Boolean> condition) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(condition::get);
    }
}
