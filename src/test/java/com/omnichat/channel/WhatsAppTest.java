package com.omnichat.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnichat.base.OmnichatProperties;
import com.omnichat.channel.connector.ConnectedChannel;
import com.omnichat.channel.connector.DeliveryException;
import com.omnichat.channel.connector.MediaPolicy;
import com.omnichat.channel.connector.MediaRef;
import com.omnichat.channel.connector.SendProgress;
import com.omnichat.channel.connector.WebhookRequest;
import com.omnichat.channel.internal.MediaStore;
import com.omnichat.channel.meta.GraphApi;
import com.omnichat.channel.meta.MetaSignature;
import com.omnichat.channel.whatsapp.WhatsAppConnector;
import com.omnichat.chat.DeliveryStatus;
import com.omnichat.chat.InboxService;
import com.omnichat.chat.WriteFirstService;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * WhatsApp Cloud API: the webhook's messages of every type and statuses (fixtures and
 * documented payloads), media in two steps, sending text, replies, media and templates
 * (numbered and named parameters) with WhatsApp's error codes, templates from the business
 * account, the connection check. The Graph API is a fake on loopback. (The tests' own phone
 * connector serves the WHATSAPP type in the registry, so this connector is driven directly.)
 */
class WhatsAppTest extends ConnectorTest {

    static final String APP_SECRET = "0e1d2c3b4a5968778695a4b3c2d1e0f9";
    static final String TOKEN = "EAAJB-whatsapp-system-user-token-1234567890";
    static final String NUMBER = "10634295353625";

    @Autowired
    GraphApi graphApi;

    @Autowired
    MediaStore mediaStore;

    @Autowired
    InboxService inboxService;

    @Autowired
    WriteFirstService writeFirst;

    @Autowired
    com.omnichat.customer.DuplicateFlags duplicateFlags;

    FakeGraph graph;
    WhatsAppConnector whatsapp;
    ChannelDetails channel;
    ConnectedChannel connected;

    @BeforeEach
    void numberConnected() {
        graph = new FakeGraph();
        whatsapp = new WhatsAppConnector(graphApi, mediaStore, new OmnichatProperties("http://localhost:8080", ""));
        channel = connect(new ChannelDraft(
                null,
                ChannelType.WHATSAPP,
                "WhatsApp · Flower Shop",
                ChannelMode.WEBHOOK,
                Map.of("appSecret", APP_SECRET, "accessToken", TOKEN),
                Map.of("phoneNumberId", NUMBER, "businessAccountId", "102290129340398"),
                true));
        connected = directory.byId(channel.id()).orElseThrow();
    }

    @AfterEach
    void graphBack() {
        graph.close();
    }

    // ---- in ----

    @Test
    void theSampleTextIsStoredOnceAsTheClientNamedInContacts() {
        byte[] body = fixture("whatsapp_webhook_text.json").getBytes(StandardCharsets.UTF_8);

        receive(body);
        receive(body);

        assertThat(text("select body from message where kind = 'CLIENT'")).isEqualTo("Test");
        assertThat(count("select count(*) from message where kind = 'CLIENT'")).isEqualTo(1);
        assertThat(text("select client_name from conversation")).isEqualTo("TestUser");
        assertThat(text("select external_user_id from client_identity")).isEqualTo("491234567890");
    }

    // ---- identity: the wa_id against the cards' phones ----

    @Test
    void aNumberWhatsAppVerifiedJoinsTheClientWhoseCardHasThatPhoneVerified() {
        long olena = clientWithPhoneOnTheCard("+491234567890", true);

        receive(fromNumberWithBusinessScopedId(
                "491234567890", "DE.1234567890123456789", "Hallo, ist das Paket unterwegs?"));

        assertThat(count(
                        "select count(*) from client_identity where external_user_id = '491234567890' and client_id = ?",
                        olena))
                .as("his WhatsApp joins his card")
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from conversation c join message m on m.conversation_id = c.id "
                                + "where c.client_id = ? and m.body = 'Hallo, ist das Paket unterwegs?'",
                        olena))
                .isEqualTo(1);
        assertThat(count("select count(*) from client where name = 'Olena'"))
                .as("no second lead")
                .isZero();
        assertThat(count("select count(*) from client_duplicate_flag")).isZero();
        assertThat(text("select provider_user_id from client_identity where external_user_id = '491234567890'"))
                .isEqualTo("DE.1234567890123456789");
    }

    @Test
    void aCardPhoneNobodyVerifiedIsNotJoinedButFlaggedForAnAdministrator() {
        long olena = clientWithPhoneOnTheCard("+491234567890", false);

        receive(fromNumberWithBusinessScopedId("491234567890", "DE.1234567890123456789", "Hallo!"));

        long lead = jdbc.sql("select client_id from client_identity where external_user_id = '491234567890'")
                .query(Long.class)
                .single();
        assertThat(lead).as("a lead of his own").isNotEqualTo(olena);
        staff.signInAs(staff.administrator("root"));
        assertThat(duplicateFlags.open(10)).singleElement().satisfies(flag -> {
            assertThat(flag.clientId()).isEqualTo(lead);
            assertThat(flag.otherClientId()).isEqualTo(olena);
            assertThat(flag.reason()).isEqualTo(com.omnichat.customer.LinkReason.SAME_PHONE);
            assertThat(flag.contact()).isEqualTo("+491234567890");
            assertThat(flag.unverified()).isTrue();
        });

        receive(fromNumberWithBusinessScopedId("491234567890", "DE.9999999999999999999", "Noch da?"));
        assertThat(count("select count(*) from client_duplicate_flag"))
                .as("flagged once")
                .isEqualTo(1);
        assertThat(text("select provider_user_id from client_identity where external_user_id = '491234567890'"))
                .as("a new business-scoped id replaces the old one, the identity stays")
                .isEqualTo("DE.9999999999999999999");
    }

    /** A client who wrote in Telegram and has this phone on his card, checked by staff or not. */
    private long clientWithPhoneOnTheCard(String phone, boolean verified) {
        long chat = inbox.newChat(inbox.channel(ChannelType.TELEGRAM, "Telegram bot", anna), "Olena Bondar");
        long client = jdbc.sql("select client_id from conversation where id = ?")
                .param(chat)
                .query(Long.class)
                .single();
        jdbc.sql("update client set phone = ?, phone_verified = ? where id = ?")
                .params(phone, verified, client)
                .update();
        return client;
    }

    private static String fromNumberWithBusinessScopedId(String waId, String userId, String text) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{
                 "messaging_product":"whatsapp","metadata":{"display_phone_number":"380440000000","phone_number_id":"%s"},
                 "contacts":[{"profile":{"name":"Olena"},"wa_id":"%s","user_id":"%s"}],
                 "messages":[{"from":"%s","from_user_id":"%s","id":"wamid.%s","timestamp":"1653253313","type":"text",
                  "text":{"body":"%s"}}]},"field":"messages"}]}]}""".formatted(NUMBER, waId, userId, waId, userId, Integer.toHexString(text.hashCode()), text);
    }

    @Test
    void onlyABodySignedWithTheAppSecretIsAuthentic() {
        byte[] body = fixture("whatsapp_webhook_text.json").getBytes(StandardCharsets.UTF_8);

        assertThat(whatsapp.authentic(connected, request(body, MetaSignature.sign(APP_SECRET, body))))
                .isTrue();
        assertThat(whatsapp.authentic(connected, request(body, MetaSignature.sign("other", body))))
                .isFalse();
        assertThat(whatsapp.authentic(connected, request(body, null))).isFalse();
    }

    @Test
    void everyMessageTypeBecomesReadableText() {
        receive(value("""
                "messages":[
                 {"from":"491234567890","id":"wamid.loc","timestamp":"1653253313","type":"location",
                  "location":{"latitude":50.4501,"longitude":30.5234,"name":"Flower Shop","address":"Khreshchatyk 1"}},
                 {"from":"491234567890","id":"wamid.contacts","timestamp":"1653253314","type":"contacts",
                  "contacts":[{"name":{"formatted_name":"Taras Melnyk","first_name":"Taras"},
                   "phones":[{"phone":"+380 50 111 2233","wa_id":"380501112233","type":"CELL"}]}]},
                 {"from":"491234567890","id":"wamid.btn","timestamp":"1653253315","type":"interactive",
                  "interactive":{"type":"button_reply","button_reply":{"id":"yes","title":"Так, підходить"}}},
                 {"from":"491234567890","id":"wamid.list","timestamp":"1653253316","type":"interactive",
                  "interactive":{"type":"list_reply","list_reply":{"id":"roses","title":"Троянди","description":"51 шт"}}},
                 {"from":"491234567890","id":"wamid.quick","timestamp":"1653253317","type":"button",
                  "button":{"payload":"STOP","text":"Stop promotions"},"context":{"from":"1234567891","id":"wamid.template"}},
                 {"from":"491234567890","id":"wamid.unsupported","timestamp":"1653253318","type":"unsupported",
                  "errors":[{"code":131051,"title":"Message type unknown"}]},
                 {"from":"491234567890","id":"wamid.ad","timestamp":"1653253319","type":"text","text":{"body":"Is it in stock?"},
                  "referral":{"source_url":"https://fb.me/ad","source_type":"ad","source_id":"120","headline":"Peonies -20%",
                   "body":"Only this week","media_type":"image"}}]"""));

        assertThat(jdbc.sql("select body from message where kind = 'CLIENT' order by id")
                        .query(String.class)
                        .list())
                .containsExactly(
                        "📍 50.4501, 30.5234 — Flower Shop, Khreshchatyk 1",
                        "👤 Taras Melnyk, +380 50 111 2233",
                        "Так, підходить",
                        "Троянди — 51 шт",
                        "Stop promotions",
                        "[unsupported]",
                        "Is it in stock?\n📣 Peonies -20% · Only this week · https://fb.me/ad");
    }

    @Test
    void aReplyQuotesTheMessageAndAReactionIsNotAMessage() {
        receive(value("""
                "messages":[{"from":"491234567890","id":"wamid.first","timestamp":"1653253313","type":"text",
                  "text":{"body":"Peonies?"}},
                 {"from":"491234567890","id":"wamid.second","timestamp":"1653253314","type":"text",
                  "text":{"body":"Or roses"},"context":{"from":"491234567890","id":"wamid.first"}},
                 {"from":"491234567890","id":"wamid.react","timestamp":"1653253315","type":"reaction",
                  "reaction":{"message_id":"wamid.first","emoji":"❤️"}}]"""));

        assertThat(count("select count(*) from message where kind = 'CLIENT'")).isEqualTo(2);
        assertThat(count("""
                select count(*) from message m join message r on r.id = m.reply_to_id
                where m.external_id = 'wamid.second' and r.external_id = 'wamid.first'""")).isEqualTo(1);
    }

    @Test
    void mediaIsShownAtOnceAndDownloadedInTwoStepsWithTheToken() {
        receive(value("""
                "messages":[{"from":"491234567890","id":"wamid.img","timestamp":"1653253313","type":"image",
                  "image":{"caption":"Such a bouquet","mime_type":"image/jpeg","sha256":"abc","id":"1003383421387256"}}]"""));
        assertThat(text("select body from message where kind = 'CLIENT'")).isEqualTo("Such a bouquet");
        assertThat(text("select status from attachment")).isEqualTo("PENDING");
        graph.script("1003383421387256", 200, """
                {"messaging_product":"whatsapp","url":"%s/media/whatsapp-lookaside.jpg","mime_type":"image/jpeg",
                 "sha256":"abc","file_size":68,"id":"1003383421387256"}""".formatted(graph.url()));

        var file = whatsapp.download(
                connected,
                new MediaRef("wa-media:1003383421387256", "picture.jpeg", "image/jpeg", null, true),
                new MediaPolicy(20 * 1024 * 1024));

        assertThat(file.content()).isEqualTo(FakeTelegram.PNG);
        assertThat(file.contentType()).isEqualTo("image/png");
        assertThat(graph.calls("1003383421387256").getFirst().header("authorization"))
                .isEqualTo("Bearer " + TOKEN);
        assertThat(graph.calls("whatsapp-lookaside.jpg").getFirst().header("authorization"))
                .as("the media URL needs the same token")
                .isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void statusesMoveTheManagersMessageAndAFailureSaysWhy() {
        long chat = startedByPhone();
        long message = managerMessage(chat);
        String id = text("select external_id from message where id = ?", message);

        receive(fixture("whatsapp_webhook_status_sent.json")
                .replace("wamid.ID", id)
                .getBytes(StandardCharsets.UTF_8));
        assertThat(inboxService.message(chat, message).status()).isEqualTo(DeliveryStatus.SENT);
        receive(value(status(id, "read", "")));
        assertThat(inboxService.message(chat, message).status())
                .as("delivered may be skipped")
                .isEqualTo(DeliveryStatus.READ);

        long second = managerMessage(sendAnother(chat));
        String secondId = text("select external_id from message where id = ?", second);
        receive(value(status(secondId, "failed", """
                ,"errors":[{"code":131026,"title":"Message undeliverable","message":"Message undeliverable",
                  "error_data":{"details":"Message Undeliverable."}}]""")));
        var failed = inboxService.message(chat, second);
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.failureReason())
                .startsWith("WhatsApp: the message could not be delivered (the number may " + "not be on WhatsApp")
                .endsWith("(code 131026)");
    }

    // ---- out ----

    @Test
    void aTextReplyGoesToThePhoneNumbersMessagesWithTheQuotedMessage() throws Exception {
        graph.script("messages", 200, sent("wamid.out1"));

        String id = whatsapp.send(
                connected,
                new OutboundMessage(1, channel.id(), "491234567890", "Так, є півонії", "wamid.first", List.of()),
                new Progress());

        assertThat(id).isEqualTo("wamid.out1");
        var call = graph.calls("messages").getFirst();
        assertThat(call.path()).isEqualTo("/v26.0/" + NUMBER + "/messages");
        assertThat(call.header("authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(call.body())
                .contains("\"messaging_product\":\"whatsapp\"")
                .contains("\"to\":\"491234567890\"")
                .contains("\"type\":\"text\"")
                .contains("\"body\":\"Так, є півонії\"")
                .contains("\"context\":{\"message_id\":\"wamid.first\"}");
    }

    @Test
    void aPictureGoesByLinkWithItsCaption() throws Exception {
        graph.script("messages", 200, sent("wamid.out2"));

        whatsapp.send(
                connected,
                new OutboundMessage(
                        2,
                        channel.id(),
                        "491234567890",
                        "Ось букет",
                        null,
                        List.of(new OutboundMessage.OutboundFile("bouquet.png", "image/png", FakeTelegram.PNG))),
                new Progress());

        assertThat(graph.calls("messages").getFirst().body())
                .contains("\"type\":\"image\"")
                .contains("\"link\":\"http://localhost:8080/channel-files/")
                .contains("\"caption\":\"Ось букет\"");
    }

    @Test
    void templatesGoWithNumberedOrNamedParametersAsTheApiExpects() throws Exception {
        graph.script("messages", 200, sent("wamid.t1"));
        graph.script("messages", 200, sent("wamid.t2"));

        whatsapp.send(
                connected,
                templateMessage(new TemplateSend(
                        "order_ready",
                        "uk",
                        Map.of("1", "№ 1042"),
                        orderedMap("1", "Олено", "2", "№ 1042"),
                        null,
                        "rendered")),
                new Progress());
        whatsapp.send(
                connected,
                templateMessage(new TemplateSend(
                        "courier_slot",
                        "en",
                        Map.of(),
                        orderedMap("first_name", "Olena", "slot", "10:00"),
                        "https://shop.example/route.jpg",
                        "rendered")),
                new Progress());

        assertThat(graph.calls("messages").get(0).body())
                .contains("\"type\":\"template\"")
                .contains("\"name\":\"order_ready\"")
                .contains("\"language\":{\"code\":\"uk\"}")
                .contains("{\"type\":\"header\",\"parameters\":[{\"type\":\"text\",\"text\":\"№ 1042\"}]}")
                .contains("{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"Олено\"},"
                        + "{\"type\":\"text\",\"text\":\"№ 1042\"}]}");
        assertThat(graph.calls("messages").get(1).body())
                .contains("{\"type\":\"header\",\"parameters\":[{\"type\":\"image\",\"image\":{\"link\":"
                        + "\"https://shop.example/route.jpg\"}}]}")
                .contains("{\"type\":\"text\",\"parameter_name\":\"first_name\",\"text\":\"Olena\"}")
                .contains("{\"type\":\"text\",\"parameter_name\":\"slot\",\"text\":\"10:00\"}");
    }

    @Test
    void whatsAppsErrorCodesBecomeReadableReasonsRetriedOrNotAsTheCodeSays() {
        graph.fail("messages", 400, 131047, 0, "Re-engagement message");
        assertThatThrownBy(() -> sendText())
                .isInstanceOf(DeliveryException.class)
                .satisfies(e -> {
                    assertThat(((DeliveryException) e).kind()).isEqualTo(DeliveryException.Kind.PERMANENT);
                    assertThat(e.getMessage())
                            .isEqualTo("WhatsApp: the 24-hour window has closed (the client last wrote "
                                    + "more than 24 hours ago); send an approved template (code 131047)");
                });
        graph.fail("messages", 400, 131026, 0, "Message undeliverable");
        assertThatThrownBy(() -> sendText())
                .isInstanceOf(DeliveryException.class)
                .satisfies(e -> assertThat(((DeliveryException) e).kind()).isEqualTo(DeliveryException.Kind.PERMANENT));
        graph.fail("messages", 400, 131056, 0, "(Business Account, Consumer Account) pair rate limit hit");
        assertThatThrownBy(() -> sendText())
                .isInstanceOf(DeliveryException.class)
                .satisfies(e -> {
                    assertThat(((DeliveryException) e).kind()).isEqualTo(DeliveryException.Kind.RATE_LIMITED);
                    assertThat(((DeliveryException) e).retryAfter()).isEqualTo(Duration.ofSeconds(60));
                });
        graph.fail("messages", 400, 131048, 0, "Spam rate limit hit");
        assertThatThrownBy(() -> sendText())
                .isInstanceOf(DeliveryException.class)
                .satisfies(
                        e -> assertThat(((DeliveryException) e).kind()).isEqualTo(DeliveryException.Kind.RATE_LIMITED));
        graph.fail("messages", 400, 130429, 0, "Rate limit hit");
        assertThatThrownBy(() -> sendText())
                .isInstanceOf(DeliveryException.class)
                .satisfies(e -> assertThat(((DeliveryException) e).retryAfter()).isEqualTo(Duration.ofSeconds(5)));
    }

    // ---- templates, connection, phones ----

    @Test
    void onlyApprovedTemplatesAreTakenFromEveryPage() {
        graph.script("message_templates", 200, """
                {"data":[{"name":"order_ready","language":"uk","status":"APPROVED","category":"UTILITY","id":"1",
                  "components":[{"type":"HEADER","format":"TEXT","text":"Замовлення {{1}}","example":{"header_text":["№ 1"]}},
                   {"type":"BODY","text":"Вітаємо, {{1}}! Замовлення {{2}} готове."},
                   {"type":"FOOTER","text":"Flower Shop"},
                   {"type":"BUTTONS","buttons":[{"type":"QUICK_REPLY","text":"Дякую"},
                    {"type":"URL","text":"Track","url":"https://shop.example/t/{{1}}"}]}]},
                 {"name":"draft_promo","language":"en","status":"REJECTED","category":"MARKETING","id":"2",
                  "components":[{"type":"BODY","text":"Sale!"}]}],
                 "paging":{"cursors":{"before":"MA","after":"MQ"},"next":"https://graph.facebook.com/next"}}""");
        graph.script("message_templates", 200, """
                {"data":[{"name":"courier_slot","language":"en","status":"APPROVED","category":"UTILITY","id":"3",
                  "parameter_format":"NAMED","components":[{"type":"HEADER","format":"IMAGE"},
                   {"type":"BODY","text":"Hi {{first_name}}, the courier comes at {{slot}}."}]}],
                 "paging":{"cursors":{"before":"Mg","after":"Mg"}}}""");

        List<MessageTemplate> templates = whatsapp.fetchTemplates(connected);

        assertThat(templates).extracting(MessageTemplate::name).containsExactly("order_ready", "courier_slot");
        MessageTemplate first = templates.getFirst();
        assertThat(first.render(Map.of("1", "№ 7"), Map.of("1", "Олено", "2", "№ 7")))
                .isEqualTo(
                        "Замовлення № 7\n\nВітаємо, Олено! Замовлення № 7 готове.\n\nFlower Shop\n\n[Дякую] [Track]");
        assertThat(templates.get(1).component(MessageTemplate.Kind.HEADER).mediaHeader())
                .isTrue();
        assertThat(graph.calls("message_templates").get(0).path())
                .isEqualTo("/v26.0/102290129340398/message_templates");
        assertThat(graph.calls("message_templates"))
                .as("the next page too, then no more")
                .hasSize(2);
    }

    @Test
    void checkingTheConnectionReadsThePhoneNumber() {
        graph.script(NUMBER, 200, """
                {"verified_name":"Flower Shop","display_phone_number":"+380 44 000 0000","id":"%s"}""".formatted(NUMBER));

        ConnectionCheck check = whatsapp.checkConnection(connected);

        assertThat(check.ok()).isTrue();
        assertThat(check.accountName()).isEqualTo("Flower Shop (+380 44 000 0000)");
    }

    @Test
    void aDialogStartsByPhoneWithATemplateOnly() {
        assertThat(whatsapp.capabilities())
                .contains(Capability.START_BY_PHONE, Capability.START_NEEDS_TEMPLATE, Capability.TEMPLATES);
        assertThat(whatsapp.externalUserIdForPhone("+380671234567")).contains("380671234567");
        assertThat(whatsapp.externalUserIdForPhone("+3806712")).isEmpty();
    }

    // ---- helpers ----

    private void receive(byte[] body) {
        inboundEvents.accept(connected, whatsapp, body);
    }

    private void receive(String body) {
        receive(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String value(String content) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{
                 "messaging_product":"whatsapp","metadata":{"display_phone_number":"380440000000","phone_number_id":"%s"},
                 "contacts":[{"profile":{"name":"Olena"},"wa_id":"491234567890"}],%s},"field":"messages"}]}]}""".formatted(NUMBER, content);
    }

    private static String status(String id, String status, String extra) {
        return """
                "statuses":[{"id":"%s","status":"%s","timestamp":"1653253399","recipient_id":"380671234567"%s}]""".formatted(id, status, extra);
    }

    private static String sent(String id) {
        return """
                {"messaging_product":"whatsapp","contacts":[{"input":"491234567890","wa_id":"491234567890"}],
                 "messages":[{"id":"%s"}]}""".formatted(id);
    }

    private OutboundMessage templateMessage(TemplateSend template) {
        return new OutboundMessage(
                3,
                channel.id(),
                "380671234567",
                "rendered",
                null,
                List.of(),
                OutboundMessage.Route.DIRECT,
                null,
                null,
                template);
    }

    private String sendText() throws DeliveryException {
        return whatsapp.send(
                connected, new OutboundMessage(4, channel.id(), "491234567890", "Hi", null, List.of()), new Progress());
    }

    private static Map<String, String> orderedMap(String k1, String v1, String k2, String v2) {
        var map = new java.util.LinkedHashMap<String, String>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }

    /** A chat with a client started by phone (its messages sent by the tests' phone connector). */
    private long startedByPhone() {
        long chat = inbox.newChat(inbox.channel(ChannelType.TELEGRAM, "Telegram bot", anna), "Olena Bondar");
        long client = jdbc.sql("select client_id from conversation where id = ?")
                .param(chat)
                .query(Long.class)
                .single();
        jdbc.sql("update client set phone = '+380671234567', phone_verified = true where id = ?")
                .param(client)
                .update();
        staff.signInAs(anna);
        long started = writeFirst.write(client, channel.id(), "Ваше замовлення готове");
        worker.drain();
        return started;
    }

    private long sendAnother(long chat) {
        inboxService.reply(chat, "Ще одне", null, List.of());
        worker.drain();
        return chat;
    }

    private long managerMessage(long chat) {
        return jdbc.sql(
                        "select id from message where conversation_id = ? and kind = 'MANAGER' order by id desc limit 1")
                .param(chat)
                .query(Long.class)
                .single();
    }

    private static WebhookRequest request(byte[] body, String signature) {
        return new WebhookRequest(signature == null ? Map.of() : Map.of("x-hub-signature-256", signature), body);
    }

    private static final class Progress implements SendProgress {
        final List<String> parts = new ArrayList<>();

        @Override
        public int partsSent() {
            return parts.size();
        }

        @Override
        public void beforePart() {}

        @Override
        public void partSent(String externalId) {
            parts.add(externalId);
        }
    }
}
