package com.omnichat.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.base.SystemAccess;
import com.omnichat.channel.internal.ProfileRefresher;
import com.omnichat.channel.viber.ViberConnector;
import com.omnichat.chat.DeliveryStatus;
import com.omnichat.chat.InboxService;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Viber: signed callbacks (HMAC-SHA256 of the raw body with the token), messages,
 * subscriptions, the welcome message, delivery statuses by message_token, sending.
 */
class ViberTest extends ConnectorTest {

    @Autowired
    InboxService inboxService;

    @Autowired
    DeliveryQueue queue;

    @Autowired
    ProfileRefresher profiles;

    @Autowired
    com.omnichat.channel.internal.MediaDownloadWorker downloads;

    ChannelDetails channel;

    @BeforeEach
    void viberBotConnected() {
        channel = connectViber(Map.of("welcomeText", "Вітаємо у Flower Shop!"));
    }

    @Test
    void theDocumentedSignatureTestVectorPasses() {
        byte[] body = fixture("viber_signature_test_body.json").getBytes(StandardCharsets.UTF_8);

        assertThat(ViberConnector.signature(VIBER_TOKEN, body))
                .isEqualTo("d21b343448c8aee33b8e93768ef6ceb64a6ba6163099973a2b8bd028fea510ef");
    }

    @Test
    void aSignedMessageLandsInTheInboxOnce() throws Exception {
        byte[] body = fixture("viber_callback_message_text.json").getBytes(StandardCharsets.UTF_8);
        String signature = ViberConnector.signature(VIBER_TOKEN, body);

        assertThat(viberWebhook(channel, body, signature).getResponse().getStatus())
                .isEqualTo(200);
        assertThat(viberWebhook(channel, body, signature).getResponse().getStatus())
                .isEqualTo(200);

        assertThat(text("select body from message where kind = 'CLIENT'")).isEqualTo("Hi");
        assertThat(count("select count(*) from message where kind = 'CLIENT'")).isEqualTo(1);
        assertThat(text("select client_name from conversation")).isEqualTo("Idan Harel");
        // Never hot-linked: the avatar comes with the profile refresh, stored here.
        assertThat(count("select count(*) from conversation where client_photo_url is not null"))
                .isZero();
    }

    @Test
    void aForgedSignatureIsRejectedAndNothingIsStored() throws Exception {
        byte[] body = fixture("viber_callback_message_text.json").getBytes(StandardCharsets.UTF_8);

        assertThat(viberWebhook(channel, body, ViberConnector.signature("someone-else", body))
                        .getResponse()
                        .getStatus())
                .isEqualTo(401);
        assertThat(viberWebhook(channel, body, null).getResponse().getStatus()).isEqualTo(401);

        assertThat(inbox.countRows("inbound_event")).isZero();
        assertThat(inbox.countRows("message")).isZero();
    }

    @Test
    void conversationStartedIsAnsweredWithTheWelcomeText() throws Exception {
        byte[] body = """
                {"event":"conversation_started","timestamp":1457764197627,"message_token":4912661846655238145,
                 "type":"open","context":"","user":{"id":"01234567890A=","name":"John McClane","avatar":"http://avatar.example/a.jpg",
                 "country":"UK","language":"en","api_version":1},"subscribed":false}""".getBytes(StandardCharsets.UTF_8);

        var answer = viberWebhook(channel, body, ViberConnector.signature(VIBER_TOKEN, body));

        assertThat(answer.getResponse().getStatus()).isEqualTo(200);
        assertThat(answer.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("\"type\":\"text\"")
                .contains("Вітаємо у Flower Shop!")
                .contains("\"sender\":{\"name\":");
    }

    @Test
    void subscribeAndUnsubscribeAreNotedInTheChat() throws Exception {
        post(fixture("viber_callback_message_text.json"));
        post("""
                {"event":"unsubscribed","timestamp":1457764197627,"user_id":"xWxFWBYHceVLi80yULnRkw==","message_token":4912661846655238146}""");
        post(fixture("viber_callback_subscribed.json"));

        assertThat(jdbc.sql("select system_code from message where kind = 'SYSTEM' order by id")
                        .query(String.class)
                        .list())
                .containsExactly("client-unsubscribed");
    }

    @Test
    void aReplyIsSentWithTrackingDataAndDeliveredAndSeenFollow() throws Exception {
        post(fixture("viber_callback_message_text.json"));
        long chat = jdbc.sql("select id from conversation").query(Long.class).single();
        staff.signInAs(anna);
        long reply = inboxService.reply(chat, "Привіт!", null, List.of());

        worker.drain();

        assertThat(viber.calls("send_message")).singleElement().satisfies(call -> {
            assertThat(call.header("x-viber-auth-token")).isEqualTo(VIBER_TOKEN);
            assertThat(call.body())
                    .contains("\"receiver\":\"xWxFWBYHceVLi80yULnRkw==\"")
                    .contains("\"type\":\"text\"")
                    .contains("\"text\":\"Привіт!\"")
                    .contains("\"tracking_data\":\"omnichat:" + reply + "\"")
                    .contains("\"sender\":{\"name\":\"Viber · Flower Shop\"}");
        });
        assertThat(inboxService.message(chat, reply).status()).isEqualTo(DeliveryStatus.SENT);

        String token = Long.toString(viber.lastToken());
        post("{\"event\":\"delivered\",\"timestamp\":1457764197627,\"message_token\":" + token
                + ",\"user_id\":\"xWxFWBYHceVLi80yULnRkw==\"}");
        assertThat(inboxService.message(chat, reply).status()).isEqualTo(DeliveryStatus.DELIVERED);
        post("{\"event\":\"seen\",\"timestamp\":1457764197628,\"message_token\":" + token
                + ",\"user_id\":\"xWxFWBYHceVLi80yULnRkw==\"}");
        assertThat(inboxService.message(chat, reply).status()).isEqualTo(DeliveryStatus.READ);
    }

    @Test
    void aNotSubscribedClientFailsTheMessageWithTheReason() throws Exception {
        post(fixture("viber_callback_message_text.json"));
        long chat = jdbc.sql("select id from conversation").query(Long.class).single();
        staff.signInAs(anna);
        viber.script("send_message", 200, "{\"status\":6,\"status_message\":\"notSubscribed\"}");
        long reply = inboxService.reply(chat, "Привіт!", null, List.of());

        worker.drain();

        var failed = inboxService.message(chat, reply);
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.failureReason()).isEqualTo("notSubscribed (Viber status 6)");
    }

    @Test
    void tooManyRequestsStatus12PausesTheChannelThenTheRepliesGoOut() throws Exception {
        post(fixture("viber_callback_message_text.json"));
        post(fixture("viber_callback_message_text.json")
                .replace("xWxFWBYHceVLi80yULnRkw==", "tArAsMeLnYk0000000000w==")
                .replace("4978563241957515056", "4978563241957515057")
                .replace("Idan Harel", "Taras Melnyk"));
        List<Long> chats = jdbc.sql("select id from conversation order by id")
                .query(Long.class)
                .list();
        staff.signInAs(anna);
        viber.script("send_message", 200, "{\"status\":12,\"status_message\":\"tooManyRequests\"}");
        long first = inboxService.reply(chats.get(0), "Привіт!", null, List.of());

        worker.drain();

        assertThat(inboxService.message(chats.get(0), first).status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(jdbc.sql("""
                        select (extract(epoch from s.throttled_until - o.updated_at))::int from channel_state s, outbound_message o
                        where s.channel_id = ? and o.message_id = ?""")
                        .params(channel.id(), first)
                        .query(Integer.class)
                        .single())
                .as("paused 30 s from the attempt")
                .isEqualTo(30);
        long second = inboxService.reply(chats.get(1), "Вітаю!", null, List.of());
        assertThat(worker.drain()).as("the other chat's reply waits too").isZero();
        assertThat(viber.calls("send_message")).hasSize(1);

        // 30 seconds pass.
        jdbc.sql("update outbound_message set next_attempt_at = next_attempt_at - interval '30 seconds'")
                .update();
        jdbc.sql("update channel_state set throttled_until = throttled_until - interval '30 seconds'")
                .update();
        worker.drain();

        assertThat(viber.calls("send_message")).hasSize(3);
        assertThat(inboxService.message(chats.get(0), first).status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(inboxService.message(chats.get(1), second).status()).isEqualTo(DeliveryStatus.SENT);
    }

    @Test
    void registeringTheWebhookSetsItWithTheEventsAndSenderDetails() {
        String url = SystemAccess.call(() -> administration.registerWebhook(channel.id()));

        assertThat(url).isEqualTo("http://localhost:8080/webhooks/viber/" + key(channel));
        assertThat(viber.calls("set_webhook")).singleElement().satisfies(call -> {
            assertThat(call.header("x-viber-auth-token")).isEqualTo(VIBER_TOKEN);
            assertThat(call.body())
                    .contains("\"url\":\"" + url + "\"")
                    .contains(
                            "\"event_types\":[\"delivered\",\"seen\",\"failed\",\"subscribed\",\"unsubscribed\",\"conversation_started\"]")
                    .contains("\"send_name\":true")
                    .contains("\"send_photo\":true");
        });
    }

    @Test
    void aPictureIsSentByAPublicUrlTheProviderCanFetch() throws Exception {
        post(fixture("viber_callback_message_text.json"));
        long chat = jdbc.sql("select id from conversation").query(Long.class).single();
        staff.signInAs(anna);
        inboxService.reply(
                chat,
                "Ось",
                null,
                List.of(new com.omnichat.chat.OutgoingAttachment("bouquet.png", "image/png", FakeTelegram.PNG)));

        worker.drain();

        String body = viber.calls("send_message").getFirst().body();
        assertThat(body).contains("\"type\":\"picture\"").contains("\"text\":\"Ось\"");
        String url = body.replaceAll(".*\"media\":\"([^\"]+)\".*", "$1");
        assertThat(url).startsWith("http://localhost:8080/channel-files/");
        var file = http.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                        url.substring("http://localhost:8080".length())))
                .andReturn()
                .getResponse();
        assertThat(file.getStatus()).isEqualTo(200);
        assertThat(file.getContentAsByteArray()).isEqualTo(FakeTelegram.PNG);
    }

    @Test
    void aPictureFromTheClientIsDownloadedAndStored() throws Exception {
        post("""
                {"event":"message","timestamp":1479039750092,"message_token":4978563241957515099,
                 "sender":{"id":"xWxFWBYHceVLi80yULnRkw==","name":"Idan Harel"},
                 "message":{"type":"picture","text":"Такий?","media":"%s/media/p.jpg","file_name":"p.jpg","size":68}}""".formatted(viber.url()));

        assertThat(text("select body from message where kind = 'CLIENT'")).isEqualTo("Такий?");
        assertThat(text("select status from attachment"))
                .as("shown at once, downloaded after")
                .isEqualTo("PENDING");

        downloads.drain();

        assertThat(text("select status from attachment")).isEqualTo("STORED");
        assertThat(text("select content_type from attachment")).isEqualTo("image/png");
    }

    @Test
    void aLocationAndAContactBecomeReadableText() throws Exception {
        post("""
                {"event":"message","timestamp":1479039750092,"message_token":4978563241957515100,
                 "sender":{"id":"u1","name":"Idan"},"message":{"type":"location","location":{"lat":50.45,"lon":30.52}}}""");
        post("""
                {"event":"message","timestamp":1479039750093,"message_token":4978563241957515101,
                 "sender":{"id":"u1","name":"Idan"},"message":{"type":"contact","contact":{"name":"Itamar","phone_number":"+972511123123"}}}""");

        assertThat(jdbc.sql("select body from message where kind = 'CLIENT' order by id")
                        .query(String.class)
                        .list())
                .containsExactly("📍 50.45, 30.52", "👤 Itamar, +972511123123");
    }

    @Test
    void profilesAreRefreshedWithTheAvatarStoredLocally() throws Exception {
        post(fixture("viber_callback_subscribed.json")
                .replace("\"subscribed\"", "\"subscribed\"")
                .replaceAll("\\s+", " "));
        post("""
                {"event":"message","timestamp":1479039750092,"message_token":4978563241957515102,
                 "sender":{"id":"01234567890A=","name":"yarden"},"message":{"type":"text","text":"hello"}}""");

        assertThat(profiles.refresh(10)).isEqualTo(1);

        assertThat(text("select client_name from conversation")).isEqualTo("John McClane");
        String photo = text("select client_photo_url from conversation");
        assertThat(photo).startsWith("/client-photos/");
        assertThat(count("select count(*) from channel_media where purpose = 'PHOTO'"))
                .isEqualTo(1);
        assertThat(viber.calls("get_user_details"))
                .singleElement()
                .satisfies(call -> assertThat(call.body()).contains("\"id\":\"01234567890A=\""));
        assertThat(profiles.refresh(10)).as("fresh profiles wait a day").isZero();
    }

    @Test
    void checkingTheConnectionAsksGetAccountInfo() {
        ConnectionCheck check = SystemAccess.call(() -> administration.checkConnection(channel.id()));

        assertThat(check.ok()).isTrue();
        assertThat(check.accountName()).contains("Flower Shop");
    }

    private void post(String json) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        assertThat(viberWebhook(channel, body, ViberConnector.signature(VIBER_TOKEN, body))
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }
}
