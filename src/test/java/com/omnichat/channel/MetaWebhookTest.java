package com.omnichat.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.omnichat.base.SystemAccess;
import com.omnichat.channel.meta.MetaSignature;
import com.omnichat.chat.DeliveryStatus;
import com.omnichat.chat.InboxFixtures;
import com.omnichat.chat.InboxService;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The Meta webhook as a Facebook Page (Messenger) uses it, shared with Instagram and WhatsApp:
 * the verification handshake, X-Hub-Signature-256 over the raw body, batches of several
 * entries and items applied once each, echoes, reactions, deletions, watermarks, and Graph
 * errors (throttling, an expired token) on the way out. The Graph API is a fake on loopback.
 */
class MetaWebhookTest extends ConnectorTest {

    static final String APP_SECRET = "6f1c2a9e0b7d4c3e8a5f2b1d0c9e8f7a";
    static final String PAGE_TOKEN = "EAAGm0PX4ZCpsBAtestpagetoken1234567890";

    @Autowired
    InboxService inboxService;

    @Autowired
    ChannelTokenAlerts alerts;

    FakeGraph graph;
    ChannelDetails channel;

    @BeforeEach
    void pageConnected() {
        graph = new FakeGraph();
        channel = connect(new ChannelDraft(
                null,
                ChannelType.FACEBOOK,
                "Messenger · Flower Shop",
                ChannelMode.WEBHOOK,
                Map.of("appSecret", APP_SECRET, "accessToken", PAGE_TOKEN),
                Map.of(),
                true));
    }

    @AfterEach
    void graphBack() {
        graph.close();
    }

    // ---- the handshake ----

    @Test
    void theVerificationHandshakeAnswersTheChallengeForTheChannelsVerifyToken() throws Exception {
        String token = directory.byId(channel.id()).orElseThrow().secret("verifyToken");

        var answer = verify("subscribe", token, "1158201444").getResponse();

        assertThat(answer.getStatus()).isEqualTo(200);
        assertThat(answer.getContentType()).startsWith("text/plain");
        assertThat(answer.getContentAsString()).isEqualTo("1158201444");
    }

    @Test
    void aWrongVerifyTokenOrModeIsRefused() throws Exception {
        String token = directory.byId(channel.id()).orElseThrow().secret("verifyToken");

        assertThat(verify("subscribe", token + "x", "1158201444").getResponse().getStatus())
                .isEqualTo(403);
        assertThat(verify("unsubscribe", token, "1158201444").getResponse().getStatus())
                .isEqualTo(403);
        assertThat(verify("subscribe", null, "1158201444").getResponse().getStatus())
                .isEqualTo(403);
        assertThat(http.perform(get("/webhooks/facebook/no-such-key")
                                .param("hub.mode", "subscribe")
                                .param("hub.verify_token", token)
                                .param("hub.challenge", "1"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
    }

    // ---- signatures ----

    @Test
    void theSampleMessageIsStoredOnceAndItsNumericIdsAreRead() throws Exception {
        String body = fixture("messenger_webhook_text.json");

        post(body);
        post(body);

        assertThat(text("select body from message where kind = 'CLIENT'")).isEqualTo("hello, world!");
        assertThat(text("select external_id from message where kind = 'CLIENT'"))
                .isEqualTo("mid.1457764197618:41d102a3e1ae206a38");
        assertThat(text("select i.external_user_id from client_identity i")).isEqualTo("987654321432");
        assertThat(inbox.countRows("inbound_event")).isEqualTo(1);
    }

    @Test
    void aBodyWithEscapedNonAsciiIsCheckedOverItsRawBytes() throws Exception {
        // Meta escapes non-ASCII; the signature is over exactly these bytes, not a re-serialization.
        String escaped =
                messaging("u1", "m.esc", "\\u041f\\u0440\\u0438\\u0432\\u0456\\u0442, caf\\u00e9 \\ud83c\\udf39");
        String raw = messaging("u2", "m.raw", "Привіт, café 🌹");

        assertThat(webhook(escaped.getBytes(StandardCharsets.US_ASCII), sign(escaped))
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        assertThat(webhook(raw.getBytes(StandardCharsets.UTF_8), sign(raw))
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);

        assertThat(jdbc.sql("select body from message where kind = 'CLIENT' order by id")
                        .query(String.class)
                        .list())
                .containsExactly("Привіт, café 🌹", "Привіт, café 🌹");
    }

    @Test
    void aForgedOrMissingSignatureIsRejectedAndNothingIsStored() throws Exception {
        byte[] body = fixture("messenger_webhook_text.json").getBytes(StandardCharsets.UTF_8);
        String unescaped = MetaSignature.sign(APP_SECRET, "{\"object\":\"page\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(webhook(body, MetaSignature.sign("another-app-secret", body))
                        .getResponse()
                        .getStatus())
                .isEqualTo(401);
        assertThat(webhook(body, unescaped).getResponse().getStatus()).isEqualTo(401);
        assertThat(webhook(body, null).getResponse().getStatus()).isEqualTo(401);

        assertThat(inbox.countRows("inbound_event")).isZero();
        assertThat(inbox.countRows("message")).isZero();
    }

    // ---- batches ----

    @Test
    void everyItemOfEveryEntryOfABatchIsStoredOnceEvenWhenRedeliveredOrRepeatedInAnotherBatch() throws Exception {
        String batch = batch(
                item("u1", "m.1", "first"),
                item("u1", "m.2", "second"),
                item("u2", "m.3", "third"),
                item("u2", "m.4", "fourth"));
        String overlapping = batch(item("u2", "m.4", "fourth"), item("u3", "m.5", "fifth"));

        post(batch);
        post(batch);
        post(overlapping);

        assertThat(jdbc.sql("select body from message where kind = 'CLIENT' order by id")
                        .query(String.class)
                        .list())
                .containsExactly("first", "second", "third", "fourth", "fifth");
        assertThat(inbox.countRows("conversation")).isEqualTo(3);
        assertThat(count("select unread_count from conversation c join client_identity i on i.id = c.identity_id "
                        + "where i.external_user_id = 'u2'"))
                .as("counted once each")
                .isEqualTo(2);
    }

    @Test
    void concurrentDuplicateBatchesStoreEveryItemOnce() throws Exception {
        String batch = batch(item("u1", "m.1", "first"), item("u1", "m.2", "second"), item("u2", "m.3", "third"));
        // The same items in a differently written body: another event, the same messages.
        String again = batch.replace("\"messaging\":[", "\"messaging\": [");

        var statuses = InboxFixtures.concurrently(
                () -> status(batch), () -> status(batch), () -> status(again), () -> status(again));

        assertThat(statuses).containsOnly(200);
        assertThat(count("select count(*) from message where kind = 'CLIENT'")).isEqualTo(3);
        assertThat(count("select sum(unread_count) from conversation")).isEqualTo(3);
        assertThat(inbox.countRows("inbound_event")).isEqualTo(2);
    }

    // ---- echoes ----

    @Test
    void theEchoOfOurOwnSendIsNotStoredAgain() throws Exception {
        long chat = clientWrote();
        staff.signInAs(anna);
        long reply = inboxService.reply(chat, "Доброго дня!", null, List.of());
        worker.drain();
        String mid = graph.lastMid();

        post(batch(echo("u1", mid, "Доброго дня!")));

        assertThat(count("select count(*) from message where kind = 'MANAGER'")).isEqualTo(1);
        assertThat(inboxService.message(chat, reply).status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(graph.calls("messages")).singleElement().satisfies(call -> {
            assertThat(call.header("authorization")).isEqualTo("Bearer " + PAGE_TOKEN);
            assertThat(call.path()).isEqualTo("/v26.0/me/messages");
            assertThat(call.body())
                    .contains("\"recipient\":{\"id\":\"u1\"}")
                    .contains("\"messaging_type\":\"RESPONSE\"")
                    .contains("\"text\":\"Доброго дня!\"");
        });
    }

    @Test
    void anEchoThatOvertakesOurOwnSendsAnswerLeavesOneMessage() throws Exception {
        long chat = clientWrote();
        staff.signInAs(anna);
        // Meta calls the webhook with the echo while our Send API call is still waiting for its answer.
        graph.onCall = call -> {
            if (call.method().equals("messages")) {
                String next = "m_sent." + (Long.parseLong(graph.lastMid().substring(7)) + 1);
                try {
                    post(batch(echo("u1", next, "Доброго дня!")));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        long reply = inboxService.reply(chat, "Доброго дня!", null, List.of());

        worker.drain();

        assertThat(count("select count(*) from message where kind = 'MANAGER'")).isEqualTo(1);
        assertThat(text("select external_id from message where id = ?", reply)).isEqualTo(graph.lastMid());
        assertThat(inboxService.message(chat, reply).status()).isEqualTo(DeliveryStatus.SENT);
    }

    @Test
    void aMessageTheShopSentFromTheAppIsAManagerMessageMarkedWithTheApp() throws Exception {
        long chat = clientWrote();

        post(batch(echo("u1", "m.from-app", "Sent from the Page inbox")));
        post(batch(echo("u1", "m.from-app", "Sent from the Page inbox")));

        assertThat(count("select count(*) from message where kind = 'MANAGER'")).isEqualTo(1);
        assertThat(text("select sent_from_app from message where kind = 'MANAGER'"))
                .isEqualTo("Messenger");
        assertThat(count("select count(*) from message where kind = 'MANAGER' and author_id is null"))
                .isEqualTo(1);
        staff.signInAs(anna);
        assertThat(inboxService
                        .message(
                                chat,
                                jdbc.sql("select id from message where kind = 'MANAGER'")
                                        .query(Long.class)
                                        .single())
                        .status())
                .isEqualTo(DeliveryStatus.SENT);
        assertThat(count("select count(*) from conversation where unanswered or unread_count > 0"))
                .as("the shop answered")
                .isZero();
    }

    // ---- reactions, deletions, watermarks ----

    @Test
    void aReactionIsShownOnTheMessageAndTakenBack() throws Exception {
        clientWrote();
        post(batch("""
                {"sender":{"id":"u1"},"recipient":{"id":"12345654332"},"timestamp":1700000001000,
                 "reaction":{"mid":"m.0","action":"react","reaction":"love","emoji":"❤️"}}"""));

        assertThat(text("select client_reaction from message where external_id = 'm.0'"))
                .isEqualTo("❤️");

        post(batch("""
                {"sender":{"id":"u1"},"recipient":{"id":"12345654332"},"timestamp":1700000002000,
                 "reaction":{"mid":"m.0","action":"unreact","reaction":"love"}}"""));

        assertThat(count("select count(*) from message where client_reaction is not null"))
                .isZero();
    }

    @Test
    void aDeletedMessageStaysMarkedDeleted() throws Exception {
        clientWrote();

        post(batch("""
                {"sender":{"id":"u1"},"recipient":{"id":"12345654332"},"timestamp":1700000001000,
                 "message":{"mid":"m.0","is_deleted":true}}"""));

        assertThat(count("select count(*) from message where external_id = 'm.0' and client_deleted_at is not null"))
                .isEqualTo(1);
        assertThat(text("select body from message where external_id = 'm.0'")).isEqualTo("Hello");
    }

    @Test
    void watermarksMarkEveryEarlierMessageDeliveredThenRead() throws Exception {
        long chat = clientWrote();
        staff.signInAs(anna);
        long first = inboxService.reply(chat, "One", null, List.of());
        long second = inboxService.reply(chat, "Two", null, List.of());
        worker.drain();
        worker.drain();
        String watermark = Long.toString(System.currentTimeMillis() + 1000);

        post(batch("""
                {"sender":{"id":"u1"},"recipient":{"id":"12345654332"},"timestamp":%s,
                 "delivery":{"watermark":%s}}""".formatted(watermark, watermark)));

        assertThat(inboxService.message(chat, first).status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(inboxService.message(chat, second).status()).isEqualTo(DeliveryStatus.DELIVERED);

        post(batch("""
                {"sender":{"id":"u1"},"recipient":{"id":"12345654332"},"timestamp":%s,
                 "read":{"watermark":%s}}""".formatted(watermark, watermark)));

        assertThat(inboxService.message(chat, first).status()).isEqualTo(DeliveryStatus.READ);
        assertThat(inboxService.message(chat, second).status()).isEqualTo(DeliveryStatus.READ);
    }

    @Test
    void anInstagramStyleReadByMidMarksThatMessageAndEarlierOnesRead() throws Exception {
        long chat = clientWrote();
        staff.signInAs(anna);
        long first = inboxService.reply(chat, "One", null, List.of());
        worker.drain();
        String firstMid = graph.lastMid();
        long second = inboxService.reply(chat, "Two", null, List.of());
        worker.drain();

        post(batch("""
                {"sender":{"id":"u1"},"recipient":{"id":"12345654332"},"timestamp":1700000001000,
                 "read":{"mid":"%s"}}""".formatted(firstMid)));

        assertThat(inboxService.message(chat, first).status()).isEqualTo(DeliveryStatus.READ);
        assertThat(inboxService.message(chat, second).status()).isEqualTo(DeliveryStatus.SENT);
    }

    // ---- Graph errors on the way out ----

    @Test
    void anExpiredTokenFailsTheMessageAndPutsTheChannelIntoAVisibleErrorState() throws Exception {
        long chat = clientWrote();
        staff.signInAs(anna);
        graph.fail(
                "messages",
                401,
                190,
                463,
                "Error validating access token: Session has expired. access_token=" + PAGE_TOKEN);
        long reply = inboxService.reply(chat, "Hello", null, List.of());

        worker.drain();

        var failed = inboxService.message(chat, reply);
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.failureReason())
                .contains("access token has expired or was revoked")
                .doesNotContain(PAGE_TOKEN);
        String lastError = SystemAccess.call(() -> administration.get(channel.id()))
                .runtime()
                .lastError();
        assertThat(lastError)
                .contains("access token has expired or was revoked")
                .contains("190")
                .doesNotContain(PAGE_TOKEN);
    }

    @Test
    void anExpiredTokenTellsEveryAdministratorOnceAndASuccessfulCheckClearsIt() throws Exception {
        var olena = staff.administrator("olena");
        staff.signInAs(olena);
        List<com.omnichat.base.MenuAlert.Notice> notices = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicInteger changes = new java.util.concurrent.atomic.AtomicInteger();
        Runnable unsubscribe = alerts.subscribe(notice -> {
            changes.incrementAndGet();
            if (notice != null) {
                notices.add(notice);
            }
        });
        try {
            long chat = clientWrote();
            staff.signInAs(anna);
            graph.fail("messages", 401, 190, 463, "Error validating access token. access_token=" + PAGE_TOKEN);
            inboxService.reply(chat, "Hello", null, List.of());
            graph.fail("messages", 401, 190, 463, "Error validating access token. access_token=" + PAGE_TOKEN);
            inboxService.reply(chat, "Hello again", null, List.of());
            worker.drain();

            // Over PostgreSQL NOTIFY, as every node hears it.
            Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> notices.size() == 1);
            assertThat(notices.getFirst().key()).isEqualTo("channels.token-alert.notice");
            assertThat(notices.getFirst().args()).containsExactly("Messenger · Flower Shop");
            assertThat(notices.toString()).doesNotContain(PAGE_TOKEN);
            assertThat(alerts.rejectedChannels()).as("a manager is not told").isEmpty();
            staff.signInAs(olena);
            assertThat(alerts.rejectedChannels()).containsExactly("Messenger · Flower Shop");
            assertThat(alerts.active()).isTrue();

            assertThat(SystemAccess.call(() -> administration.checkConnection(channel.id()))
                            .ok())
                    .isTrue();

            Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> changes.get() == 2);
            assertThat(alerts.active()).as("the channel works again").isFalse();
            assertThat(notices).as("the second rejection told nobody again").hasSize(1);
        } finally {
            unsubscribe.run();
        }
    }

    @Test
    void aRateLimitBacksOffForTheWholeChannelAndTheMessageWaits() throws Exception {
        long chat = clientWrote();
        staff.signInAs(anna);
        graph.fail("messages", 400, 613, 0, "Calls to this api have exceeded the rate limit.");
        long reply = inboxService.reply(chat, "Hello", null, List.of());

        worker.drain();

        assertThat(inboxService.message(chat, reply).status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(text("select status from outbound_message")).isEqualTo("QUEUED");
        assertThat(count("select count(*) from channel_state where throttled_until > now() + interval '50 seconds'"))
                .isEqualTo(1);
    }

    @Test
    void aServerErrorIsRetriedAndAnUnknownErrorFailsWithGraphsRedactedMessage() throws Exception {
        long chat = clientWrote();
        staff.signInAs(anna);
        graph.script("messages", 503, "<html>Service Unavailable</html>");
        graph.fail("messages", 400, 100, 0, "(#100) Param recipient[id] must be a valid ID string token=abc12345");
        long reply = inboxService.reply(chat, "Hello", null, List.of());

        worker.drain();
        assertThat(text("select status from outbound_message")).isEqualTo("QUEUED");
        jdbc.sql("update outbound_message set next_attempt_at = now()").update();
        worker.drain();

        var failed = inboxService.message(chat, reply);
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.failureReason())
                .isEqualTo("Meta: (#100) Param recipient[id] must be a valid ID string token=*** (code 100)");
    }

    @Test
    void checkingTheConnectionAsksForThePage() {
        ConnectionCheck check = SystemAccess.call(() -> administration.checkConnection(channel.id()));

        assertThat(check.ok()).isTrue();
        assertThat(check.accountName()).isEqualTo("Flower Shop (12345654332)");
        assertThat(graph.calls("me"))
                .singleElement()
                .satisfies(call -> assertThat(call.path()).isEqualTo("/v26.0/me"));
    }

    @Test
    void aButtonPressIsTheClientsChoice() throws Exception {
        post(batch("""
                {"sender":{"id":"u1"},"recipient":{"id":"12345654332"},"timestamp":%d,
                 "postback":{"mid":"m.pb","title":"Deliver tomorrow","payload":"DELIVERY_TOMORROW"}}""".formatted(System.currentTimeMillis())));

        assertThat(text("select body from message where external_id = 'm.pb'")).isEqualTo("Deliver tomorrow");
        assertThat(text("select origin from message where external_id = 'm.pb'"))
                .isEqualTo("CHOICE");
    }

    @Test
    void registeringSubscribesThePageAndTheProfileIsFetched() throws Exception {
        clientWrote();

        SystemAccess.run(() -> administration.registerWebhook(channel.id()));
        assertThat(graph.calls("subscribed_apps")).singleElement().satisfies(call -> {
            assertThat(call.path()).isEqualTo("/v26.0/me/subscribed_apps");
            assertThat(call.body())
                    .contains("messages")
                    .contains("message_echoes")
                    .contains("message_reactions");
        });
        assertThat(SystemAccess.call(() -> administration.webhookVerifyToken(channel.id())))
                .contains(directory.byId(channel.id()).orElseThrow().secret("verifyToken"));

        graph.script("u1", 200, "{\"first_name\":\"Peter\",\"last_name\":\"Chang\",\"id\":\"u1\"}");
        assertThat(context.getBean(com.omnichat.channel.internal.ProfileRefresher.class)
                        .refresh(10))
                .isEqualTo(1);
        assertThat(text("select client_name from conversation")).isEqualTo("Peter Chang");
        assertThat(graph.calls("u1"))
                .singleElement()
                .satisfies(call -> assertThat(call.path()).isEqualTo("/v26.0/u1"));
    }

    // ---- helpers ----

    private long clientWrote() throws Exception {
        post(batch(item("u1", "m.0", "Hello")));
        return jdbc.sql("select id from conversation").query(Long.class).single();
    }

    private MvcResult verify(String mode, String token, String challenge) throws Exception {
        var request = get("/webhooks/facebook/" + key(channel))
                .param("hub.mode", mode)
                .param("hub.challenge", challenge);
        if (token != null) {
            request.param("hub.verify_token", token);
        }
        return http.perform(request).andReturn();
    }

    private void post(String json) throws Exception {
        assertThat(status(json)).isEqualTo(200);
    }

    private int status(String json) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return webhook(body, MetaSignature.sign(APP_SECRET, body)).getResponse().getStatus();
    }

    private MvcResult webhook(byte[] body, String signature) throws Exception {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                        "/webhooks/facebook/" + key(channel))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        return http.perform(request).andReturn();
    }

    private static String sign(String body) {
        return MetaSignature.sign(APP_SECRET, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String messaging(String sender, String mid, String jsonText) {
        return batch(item(sender, mid, jsonText));
    }

    static String item(String sender, String mid, String text) {
        return """
                {"sender":{"id":"%s"},"recipient":{"id":"12345654332"},"timestamp":%d,
                 "message":{"mid":"%s","text":"%s"}}""".formatted(sender, System.currentTimeMillis(), mid, text);
    }

    static String echo(String client, String mid, String text) {
        return """
                {"sender":{"id":"12345654332"},"recipient":{"id":"%s"},"timestamp":%d,
                 "message":{"mid":"%s","is_echo":true,"app_id":263902037430900,"text":"%s"}}""".formatted(client, System.currentTimeMillis(), mid, text);
    }

    /** Items split over entries two by two, as Meta batches them. */
    static String batch(String... items) {
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < items.length; i += 2) {
            if (!entries.isEmpty()) {
                entries.append(',');
            }
            entries.append("{\"id\":\"12345654332\",\"time\":1700000000000,\"messaging\":[")
                    .append(items[i]);
            if (i + 1 < items.length) {
                entries.append(',').append(items[i + 1]);
            }
            entries.append("]}");
        }
        return "{\"object\":\"page\",\"entry\":[" + entries + "]}";
    }
}
