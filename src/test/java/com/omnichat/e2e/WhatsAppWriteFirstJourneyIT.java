package com.omnichat.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.omnichat.base.SystemAccess;
import com.omnichat.channel.ChannelAdministration;
import com.omnichat.channel.ChannelDetails;
import com.omnichat.channel.ChannelDraft;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.channel.ChannelMode;
import com.omnichat.channel.ChannelService;
import com.omnichat.channel.ChannelType;
import com.omnichat.channel.ClientProfile;
import com.omnichat.channel.FakeProviderServers;
import com.omnichat.channel.InboundMessage;
import com.omnichat.channel.TemplateService;
import com.omnichat.channel.internal.ChannelDirectory;
import com.omnichat.channel.meta.MetaSignature;
import com.omnichat.chat.MessageIngestion;
import com.omnichat.customer.ClientCardService;
import com.omnichat.customer.ClientService;
import com.omnichat.sales.OrderDraft;
import com.omnichat.sales.OrderLineDraft;
import com.omnichat.sales.OrderService;
import com.omnichat.sales.SalesOrder;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A buyer who wrote in Telegram has an order and a phone in his card. From the order card the
 * manager writes first to that phone over WhatsApp: the template's parameters come filled with
 * his name and the order number, the preview shows the text, and the chat appears. He answers
 * in WhatsApp (a signed webhook) and his answer shows live; the manager answers with free text.
 * The real WhatsApp connector talks to a fake Graph API on loopback.
 */
class WhatsAppWriteFirstJourneyIT extends BrowserTest {

    static final String APP_SECRET = "e2e-whatsapp-app-secret";
    static final String NUMBER_ID = "106540352242922";
    static final String WABA = "102290129340398";

    @Autowired
    ChannelAdministration administration;

    @Autowired
    ChannelService channels;

    @Autowired
    ChannelDirectory directory;

    @Autowired
    TemplateService templates;

    @Autowired
    MessageIngestion ingestion;

    @Autowired
    ClientService clients;

    @Autowired
    ClientCardService cards;

    @Autowired
    OrderService orders;

    @Autowired
    JdbcClient jdbc;

    /** Every message the connector posted to the Graph API, as sent. */
    private final List<String> sent = new CopyOnWriteArrayList<>();

    private final AtomicLong ids = new AtomicLong(700);
    private String key;
    private String channelName;

    @BeforeEach
    void whatsAppConnectedAgainstAFakeGraphWithAnApprovedTemplate() {
        FakeProviderServers.GRAPH.routeTo(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                if (path.endsWith("/" + WABA + "/message_templates")) {
                    return json("""
                            {"data":[{"name":"order_update","language":"en","status":"APPROVED","category":"UTILITY",
                              "id":"981","parameter_format":"NAMED","components":[{"type":"BODY",
                               "text":"Hello {{first_name}}! Your order {{order_number}} is ready. Shall we deliver it today?",
                               "example":{"body_text_named_params":[{"param_name":"first_name","example":"Olena"},
                                {"param_name":"order_number","example":"7"}]}},
                              {"type":"FOOTER","text":"Flower Shop"}]}],
                             "paging":{"cursors":{"before":"MA","after":"MA"}}}""");
                }
                if (path.endsWith("/" + NUMBER_ID + "/messages") && "POST".equals(request.getMethod())) {
                    String body =
                            request.getBody() == null ? "" : request.getBody().utf8();
                    sent.add(body);
                    String to = body.replaceAll("(?s).*\"to\"\\s*:\\s*\"\\+?(\\d+)\".*", "$1");
                    return json("""
                            {"messaging_product":"whatsapp","contacts":[{"input":"%s","wa_id":"%s"}],
                             "messages":[{"id":"wamid.e2e.%d"}]}""".formatted(to, to, ids.incrementAndGet()));
                }
                return json("{\"verified_name\":\"Flower Shop\",\"display_phone_number\":\"+380 44 000 0000\"}");
            }
        });
        long anna = jdbc.sql("select id from staff_user where login = 'anna'")
                .query(Long.class)
                .single();
        channelName = "WhatsApp · Flower Shop " + System.nanoTime();
        ChannelDetails channel = SystemAccess.call(() -> {
            ChannelDetails saved = administration.save(new ChannelDraft(
                    null,
                    ChannelType.WHATSAPP,
                    channelName,
                    ChannelMode.WEBHOOK,
                    Map.of("appSecret", APP_SECRET, "accessToken", "EAAJBe2ewhatsapptoken000000"),
                    Map.of("phoneNumberId", NUMBER_ID, "businessAccountId", WABA),
                    true));
            channels.grant(saved.id(), anna);
            templates.syncNow(saved.id());
            return saved;
        });
        key = directory.byId(channel.id()).orElseThrow().key();
    }

    @AfterEach
    void graphBack() {
        FakeProviderServers.GRAPH.detach();
    }

    @Test
    void fromTheOrderCardTheManagerWritesFirstWithATemplateAndTheClientsAnswerShowsLive() throws Exception {
        String client = "Taras Bondar " + System.nanoTime();
        String digits = "38067" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
        long telegramChat = buyerWithAnOrderWhoWroteInTelegram(client, "+" + digits);
        SalesOrder order =
                SystemAccess.call(() -> orders.activeOf(clientOf(telegramChat)).getFirst());
        // The template's order parameter is prefilled with the bare number.
        String number = String.valueOf(order.number());

        Page page = newPage(1920, 1080);
        signIn(page, "anna");
        page.navigate(url("/chats/" + telegramChat));
        Locator card = page.locator(".client-panel .client-card");
        card.locator(".card-orders .card-row .card-row-number").click();
        page.locator(".order-form .order-write-by-address[aria-label*='" + channelName + "']")
                .click();

        Locator dialog = page.locator("vaadin-dialog.write-dialog");
        assertThat(dialog.locator(".write-template-needed")).containsText(channelName);
        Locator picker = dialog.locator(".template-picker");
        assertThat(picker.locator(".template-list")).containsText("order_update");
        Locator parameters = picker.locator(".template-parameters vaadin-text-field input");
        assertThat(parameters).hasCount(2);
        assertThat(parameters.nth(0)).hasValue(client);
        assertThat(parameters.nth(1)).hasValue(number);
        parameters.nth(0).fill("Taras");
        String rendered = "Hello Taras! Your order " + number + " is ready. Shall we deliver it today?";
        assertThat(picker.locator(".template-preview")).containsText(rendered);
        waitForVaadin(page);
        screenshot(page, "whatsapp-write-first-template-1920");
        page.setViewportSize(1024, 768);
        // On a tablet the dialog scrolls: the parameters and the preview are reached, not cut off.
        picker.locator(".template-preview").scrollIntoViewIfNeeded();
        assertThat(picker.locator(".template-preview")).isInViewport();
        waitForVaadin(page);
        screenshot(page, "whatsapp-write-first-template-1024");
        Locator send = dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send"));
        send.scrollIntoViewIfNeeded();
        send.click();
        page.setViewportSize(1920, 1080);

        Locator first = page.locator(".message-manager").filter(new Locator.FilterOptions().setHasText(rendered));
        assertThat(first.locator(".status-sent")).isVisible();
        org.assertj.core.api.Assertions.assertThat(sent)
                .anySatisfy(body -> org.assertj.core.api.Assertions.assertThat(body)
                        .contains("\"type\":\"template\"")
                        .contains("\"name\":\"order_update\"")
                        .contains(digits)
                        .contains("\"parameter_name\":\"first_name\"")
                        .contains("\"text\":\"Taras\"")
                        .contains(number));
        assertThat(page.locator(".composer vaadin-text-area textarea")).isDisabled();

        webhook("""
                {"object":"whatsapp_business_account","entry":[{"id":"%s","changes":[{"field":"messages","value":{
                 "messaging_product":"whatsapp","metadata":{"display_phone_number":"380440000000","phone_number_id":"%s"},
                 "contacts":[{"profile":{"name":"Taras"},"wa_id":"%s"}],
                 "messages":[{"from":"%s","id":"wamid.in.%d","timestamp":"%d","type":"text",
                  "text":{"body":"Yes please, after 18:00"}}]}}]}]}""".formatted(
                        WABA,
                        NUMBER_ID,
                        digits,
                        digits,
                        System.nanoTime(),
                        Instant.now().getEpochSecond()));
        assertThat(page.locator(".message-client")
                        .filter(new Locator.FilterOptions().setHasText("Yes please, after 18:00")))
                .isVisible();

        Locator input = page.locator(".composer vaadin-text-area textarea");
        assertThat(input).isEnabled();
        input.fill("Great, the courier comes at 18:30");
        input.press("Enter");
        Locator reply = page.locator(".message-manager")
                .filter(new Locator.FilterOptions().setHasText("the courier comes at 18:30"));
        assertThat(reply.locator(".status-sent")).isVisible();
        org.assertj.core.api.Assertions.assertThat(sent)
                .anySatisfy(body -> org.assertj.core.api.Assertions.assertThat(body)
                        .contains("\"type\":\"text\"")
                        .contains("the courier comes at 18:30")
                        .contains(digits));
        waitForVaadin(page);
        screenshot(page, "whatsapp-write-first-chat-1920");
        page.setViewportSize(1024, 768);
        waitForVaadin(page);
        screenshot(page, "whatsapp-write-first-chat-1024");
    }

    /** The buyer wrote in Telegram, gave his phone, was saved as a buyer and has an active order. */
    private long buyerWithAnOrderWhoWroteInTelegram(String name, String phone) {
        ChannelInfo telegram = SystemAccess.call(() -> channels.myChannels().stream()
                .filter(c -> c.name().startsWith("Telegram"))
                .findFirst()
                .orElseThrow());
        long chat = ingestion
                .receive(InboundMessage.text(
                        telegram.id(),
                        new ClientProfile("e2e-wa-" + name, name, null, null),
                        "e2e-wa-" + name,
                        "Do you have white peonies?",
                        Instant.now()))
                .conversationId();
        long clientId = clientOf(chat);
        SystemAccess.call(() -> {
            var withPhone =
                    cards.changePhone(clientId, clients.summary(clientId).version(), phone, chat);
            cards.saveAsBuyer(clientId, withPhone.version(), chat);
            return orders.create(
                    clientId,
                    chat,
                    new OrderDraft(
                            null,
                            List.of(new OrderLineDraft(
                                    null, "White peonies, 15", BigDecimal.ONE, new BigDecimal("1800.00"))),
                            null,
                            null,
                            null,
                            false,
                            null,
                            null));
        });
        return chat;
    }

    private long clientOf(long chat) {
        return jdbc.sql("select client_id from conversation where id = ?")
                .param(chat)
                .query(Long.class)
                .single();
    }

    private void webhook(String json) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url("/webhooks/whatsapp/" + key)))
                                .header("Content-Type", "application/json")
                                .header("X-Hub-Signature-256", MetaSignature.sign(APP_SECRET, body))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        org.assertj.core.api.Assertions.assertThat(answer.statusCode()).isEqualTo(200);
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }
}
