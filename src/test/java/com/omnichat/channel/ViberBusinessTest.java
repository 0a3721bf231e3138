package com.omnichat.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.omnichat.base.SystemAccess;
import com.omnichat.channel.internal.MediaDownloadWorker;
import com.omnichat.channel.internal.Poller;
import com.omnichat.chat.DeliveryStatus;
import com.omnichat.chat.InboxService;
import com.omnichat.chat.WriteFirstService;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A Viber business number through Infobip: a manager writes first to a client's phone, the
 * delivery and seen reports arrive (webhook, or polled), the client answers into the same
 * chat; failures carry Infobip's reason. Infobip is faked on loopback with its documented shapes.
 */
class ViberBusinessTest extends ConnectorTest {

    static final String WEBHOOK_PASSWORD = "a-long-webhook-password-2026";

    @Autowired
    WriteFirstService writeFirst;

    @Autowired
    InboxService inboxService;

    @Autowired
    MediaDownloadWorker downloads;

    @Autowired
    Poller poller;

    FakeInfobip infobip;
    ChannelDetails channel;
    long olena;

    @BeforeEach
    void viberBusinessNumberConnected() {
        infobip = new FakeInfobip();
        channel = connectViberBusiness(ChannelMode.WEBHOOK, "Viber · +380 44 000 00 00");
        long chat = inbox.newChat(inbox.channel(ChannelType.TELEGRAM, "Telegram bot", anna), "Olena Bondar");
        olena = jdbc.sql("select client_id from conversation where id = ?")
                .param(chat)
                .query(Long.class)
                .single();
        jdbc.sql("update client set phone = '+380671234567', phone_verified = true where id = ?")
                .param(olena)
                .update();
    }

    @AfterEach
    void closeInfobip() {
        infobip.close();
    }

    @Test
    void aManagerWritesFirstByPhoneAndDeliveredAndSeenFollow() throws Exception {
        staff.signInAs(anna);
        long chat = writeFirst.write(olena, channel.id(), "Ваше замовлення готове");
        long message = managerMessage(chat);

        worker.drain();

        assertThat(infobip.calls("messages")).singleElement().satisfies(call -> {
            assertThat(call.path()).isEqualTo("/viber/2/messages");
            assertThat(call.header("authorization")).isEqualTo("App " + FakeInfobip.API_KEY);
            assertThat(call.body())
                    .contains("\"sender\":\"FlowerShop\"")
                    .contains("\"destinations\":[{\"to\":\"380671234567\"")
                    .contains("\"content\":{\"type\":\"TEXT\",\"text\":\"Ваше замовлення готове\"}");
        });
        assertThat(inboxService.message(chat, message).status()).isEqualTo(DeliveryStatus.SENT);
        String id = "omnichat-" + message + "-0";

        webhook(results(FakeInfobip.deliveryReport(
                id,
                "380671234567",
                "DELIVERED",
                3,
                "DELIVERED_TO_HANDSET",
                "Message delivered to handset",
                FakeInfobip.NO_ERROR)));
        assertThat(inboxService.message(chat, message).status()).isEqualTo(DeliveryStatus.DELIVERED);

        webhook("""
                {"results":[{"messageId":"%s","from":"FlowerShop","to":"380671234567",
                 "sentAt":"2026-12-04T11:21:57.793+0000","seenAt":"2026-12-04T11:22:10.251+0000"}]}""".formatted(id));
        assertThat(inboxService.message(chat, message).status()).isEqualTo(DeliveryStatus.READ);
    }

    @Test
    void theClientsAnswerLandsInTheChatStartedByPhoneOnce() throws Exception {
        staff.signInAs(anna);
        long chat = writeFirst.write(olena, channel.id(), "Hello from the shop");
        String answer = """
                {"results":[{"sender":"380671234567","to":"FlowerShop","integrationType":"VIBER",
                 "receivedAt":"2026-12-04T11:02:43.594+0000","messageId":"1234567890123456789",
                 "pairedMessageId":"omnichat-1-0","message":{"text":"Дякую, заберу завтра","type":"TEXT"},
                 "price":{"pricePerMessage":0,"currency":"EUR"}}],"messageCount":1,"pendingMessageCount":0}""";

        webhook(answer);
        webhook(answer);

        assertThat(jdbc.sql("select conversation_id from message where kind = 'CLIENT' and channel_id = ?")
                        .param(channel.id())
                        .query(Long.class)
                        .list())
                .containsExactly(chat);
        assertThat(text("select body from message where kind = 'CLIENT' and channel_id = ?", channel.id()))
                .isEqualTo("Дякую, заберу завтра");
        assertThat(jdbc.sql("select client_id from conversation where id = ?")
                        .param(chat)
                        .query(Long.class)
                        .single())
                .isEqualTo(olena);
    }

    @Test
    void aNumberThatIsNotOnViberFailsTheMessageWithInfobipsReason() throws Exception {
        staff.signInAs(anna);
        long chat = writeFirst.write(olena, channel.id(), "Hello");
        long message = managerMessage(chat);
        worker.drain();

        webhook(results(FakeInfobip.deliveryReport(
                "omnichat-" + message + "-0",
                "380671234567",
                "UNDELIVERABLE",
                2,
                "UNDELIVERABLE_NOT_DELIVERED",
                "Message sent not delivered",
                """
                        {"groupId":1,"groupName":"HANDSET_ERRORS","id":7009,"name":"EC_NOT_VIBER_USER",
                         "description":"Not a Viber user","permanent":true}""")));

        var failed = inboxService.message(chat, message);
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.failureReason())
                .isEqualTo("Message sent not delivered: Not a Viber user (EC_NOT_VIBER_USER)");
    }

    @Test
    void aMessageRejectedAtOnceFailsWithoutRetrying() {
        infobip.script("messages", 200, """
                {"bulkId":"b1","messages":[{"messageId":"m1","status":{"groupId":5,"groupName":"REJECTED","id":51,
                 "name":"REJECTED_DESTINATION_NOT_REGISTERED","description":"Destination not registered"},
                 "destination":"380671234567"}]}""");
        staff.signInAs(anna);
        long chat = writeFirst.write(olena, channel.id(), "Hello");
        long message = managerMessage(chat);

        worker.drain();

        var failed = inboxService.message(chat, message);
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.failureReason()).isEqualTo("Destination not registered (Infobip)");
        assertThat(infobip.calls("messages")).hasSize(1);
    }

    @Test
    void aRateLimitKeepsTheMessageQueuedAndAWrongKeyFailsItWithTheReason() {
        infobip.script("messages", 429, """
                {"requestError":{"serviceException":{"messageId":"TOO_MANY_REQUESTS","text":"Too many requests"}}}""");
        staff.signInAs(anna);
        long chat = writeFirst.write(olena, channel.id(), "Hello");
        long message = managerMessage(chat);

        worker.drain();

        assertThat(inboxService.message(chat, message).status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(text("select status from outbound_message where message_id = ?", message))
                .isEqualTo("QUEUED");
        assertThat(text("select last_error from outbound_message where message_id = ?", message))
                .isEqualTo("Too many requests (TOO_MANY_REQUESTS) (Infobip HTTP 429)");

        infobip.script("messages", 401, """
                {"requestError":{"serviceException":{"messageId":"UNAUTHORIZED","text":"Invalid login details"}}}""");
        // The wait is over.
        jdbc.sql("update outbound_message set next_attempt_at = now() - interval '1 second'")
                .update();
        jdbc.sql("update channel_state set throttled_until = now() - interval '1 second'")
                .update();
        worker.drain();

        var failed = inboxService.message(chat, message);
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.failureReason()).isEqualTo("Invalid login details (UNAUTHORIZED) (Infobip HTTP 401)");
    }

    @Test
    void aWebhookWithoutTheRightPasswordIsRejectedAndNothingIsStored() throws Exception {
        byte[] body = results(FakeInfobip.deliveryReport(
                        "x", "380671234567", "DELIVERED", 3, "DELIVERED_TO_HANDSET", "Delivered", FakeInfobip.NO_ERROR))
                .getBytes(StandardCharsets.UTF_8);

        assertThat(webhook(body, basic("infobip", "guess")).getResponse().getStatus())
                .isEqualTo(401);
        assertThat(webhook(body, null).getResponse().getStatus()).isEqualTo(401);

        assertThat(inbox.countRows("inbound_event")).isZero();
    }

    @Test
    void aFileFromTheClientIsShownAtOnceAndDownloadedAfter() throws Exception {
        webhook("""
                {"results":[{"sender":"380501112233","to":"FlowerShop","integrationType":"VIBER",
                 "receivedAt":"2026-12-04T11:02:43.594+0000","messageId":"9876543210",
                 "message":{"url":"%s/media/invoice.pdf","fileName":"invoice.pdf","type":"FILE"}}],
                 "messageCount":1,"pendingMessageCount":0}""".formatted(infobip.url()));

        assertThat(text("select client_name from conversation where channel_id = ?", channel.id()))
                .isEqualTo("+380501112233");
        assertThat(text("select status from attachment")).isEqualTo("PENDING");

        downloads.drain();

        assertThat(text("select status from attachment")).isEqualTo("STORED");
        assertThat(text("select file_name from attachment")).isEqualTo("invoice.pdf");
    }

    @Test
    void withoutAWebhookDeliveryReportsArePolled() {
        ChannelDetails polled = connectViberBusiness(ChannelMode.POLLING, "Viber · reports polled");
        staff.signInAs(anna);
        long chat = writeFirst.write(olena, polled.id(), "Hello");
        long message = managerMessage(chat);
        worker.drain();
        infobip.script(
                "reports",
                200,
                results(FakeInfobip.deliveryReport(
                        "omnichat-" + message + "-0",
                        "380671234567",
                        "DELIVERED",
                        3,
                        "DELIVERED_TO_HANDSET",
                        "Message delivered to handset",
                        FakeInfobip.NO_ERROR)));

        assertThat(poller.pollOnce(polled.id(), Duration.ZERO)).isEqualTo(1);

        assertThat(infobip.calls("reports"))
                .singleElement()
                .satisfies(call -> assertThat(call.path()).isEqualTo("/viber/2/reports"));
        assertThat(inboxService.message(chat, message).status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void aPictureGoesOutAsAnImageWithItsCaptionByAPublicUrl() {
        staff.signInAs(anna);
        long chat = writeFirst.write(olena, channel.id(), "Hello");
        inboxService.reply(
                chat,
                "Ось букет",
                null,
                List.of(new com.omnichat.chat.OutgoingAttachment("bouquet.png", "image/png", FakeTelegram.PNG)));

        worker.drain();

        String body = infobip.calls("messages").getLast().body();
        assertThat(body)
                .contains("\"type\":\"IMAGE\"")
                .contains("\"text\":\"Ось букет\"")
                .contains("\"mediaUrl\":\"http://localhost:8080/channel-files/");
    }

    @Test
    void checkingTheConnectionReadsTheAccountBalance() {
        ConnectionCheck check = SystemAccess.call(() -> administration.checkConnection(channel.id()));

        assertThat(check.ok()).isTrue();
        assertThat(check.accountName()).isEqualTo("Infobip · FlowerShop · 47.79134 EUR");
        assertThat(infobip.calls("balance").getFirst().header("authorization")).isEqualTo("App " + FakeInfobip.API_KEY);
    }

    @Test
    void theChannelStartsDialogsByPhone() {
        staff.signInAs(anna);
        assertThat(writeFirst.channelsFor(olena))
                .filteredOn(c -> c.channel().id() == channel.id())
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.reason()).isEqualTo(WriteFirstService.Reason.BY_PHONE);
                    assertThat(c.templateRequired()).isFalse();
                });
    }

    // ---- helpers ----

    private ChannelDetails connectViberBusiness(ChannelMode mode, String name) {
        return SystemAccess.call(() -> {
            ChannelDetails created = administration.save(new ChannelDraft(
                    null,
                    ChannelType.VIBER_BUSINESS,
                    name,
                    mode,
                    Map.of("apiKey", FakeInfobip.API_KEY, "webhookPassword", WEBHOOK_PASSWORD),
                    Map.of("baseUrl", infobip.url(), "sender", "FlowerShop"),
                    true));
            context.getBean(ChannelService.class).grant(created.id(), anna.id());
            return administration.get(created.id());
        });
    }

    private long managerMessage(long chat) {
        return jdbc.sql(
                        "select id from message where conversation_id = ? and kind = 'MANAGER' order by id desc limit 1")
                .param(chat)
                .query(Long.class)
                .single();
    }

    private static String results(String... reports) {
        return "{\"results\":[" + String.join(",", reports) + "]}";
    }

    private void webhook(String json) throws Exception {
        assertThat(webhook(json.getBytes(StandardCharsets.UTF_8), basic("infobip", WEBHOOK_PASSWORD))
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }

    private MvcResult webhook(byte[] body, String authorization) throws Exception {
        var request = post("/webhooks/viber_business/" + key(channel))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.perform(request).andReturn();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
