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
import com.omnichat.channel.InboundMessage;
import com.omnichat.channel.internal.ChannelDirectory;
import com.omnichat.chat.MessageIngestion;
import com.omnichat.customer.ClientCardService;
import com.omnichat.customer.ClientService;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * From the chats page the manager writes first to a client's phone over the shop's Viber
 * business number (Infobip, a fake on loopback): free text, no template; Infobip's delivery
 * report (a webhook with the channel's password) turns the message delivered on screen.
 */
class ViberBusinessWriteFirstJourneyIT extends BrowserTest {

    static final String API_KEY = "e2e-infobip-api-key-0000000000000000";
    static final String PASSWORD = "e2e-infobip-webhook-password";

    @Autowired
    ChannelAdministration administration;

    @Autowired
    ChannelService channels;

    @Autowired
    ChannelDirectory directory;

    @Autowired
    MessageIngestion ingestion;

    @Autowired
    ClientService clients;

    @Autowired
    ClientCardService cards;

    @Autowired
    JdbcClient jdbc;

    private final MockWebServer infobip = new MockWebServer();
    /** Every message posted to Infobip, as sent. */
    private final List<String> sent = new CopyOnWriteArrayList<>();

    private String key;
    private String channelName;

    @BeforeEach
    void viberBusinessNumberAgainstAFakeInfobip() throws IOException {
        infobip.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (!("App " + API_KEY).equals(request.getHeaders().get("Authorization"))) {
                    return json(401, """
                            {"requestError":{"serviceException":{"messageId":"UNAUTHORIZED","text":"Invalid login details"}}}""");
                }
                if (request.getUrl().encodedPath().equals("/viber/2/messages")) {
                    String body =
                            request.getBody() == null ? "" : request.getBody().utf8();
                    sent.add(body);
                    String id = body.replaceAll("(?s).*\"messageId\":\"([^\"]+)\".*", "$1");
                    String to = body.replaceAll("(?s).*\"to\":\"([^\"]+)\".*", "$1");
                    return json(200, """
                            {"bulkId":"e2e-bulk","messages":[{"messageId":"%s","status":{"groupId":1,"groupName":"PENDING",
                             "id":26,"name":"PENDING_ACCEPTED","description":"Message sent to next instance"},
                             "destination":"%s"}]}""".formatted(id, to));
                }
                return json(200, "{\"results\":[]}");
            }
        });
        infobip.start(InetAddress.getLoopbackAddress(), 0);
        long anna = jdbc.sql("select id from staff_user where login = 'anna'")
                .query(Long.class)
                .single();
        channelName = "Viber · +380 44 " + System.nanoTime();
        ChannelDetails channel = SystemAccess.call(() -> {
            ChannelDetails saved = administration.save(new ChannelDraft(
                    null,
                    ChannelType.VIBER_BUSINESS,
                    channelName,
                    ChannelMode.WEBHOOK,
                    Map.of("apiKey", API_KEY, "webhookPassword", PASSWORD),
                    Map.of("baseUrl", infobip.url("/").toString().replaceAll("/$", ""), "sender", "FlowerShop"),
                    true));
            channels.grant(saved.id(), anna);
            return saved;
        });
        key = directory.byId(channel.id()).orElseThrow().key();
    }

    @AfterEach
    void infobipDown() {
        infobip.close();
    }

    @Test
    void theManagerWritesFirstByPhoneOverTheViberBusinessNumberAndSeesItDelivered() throws Exception {
        String client = "Iryna Savchuk " + System.nanoTime();
        String digits = "38050" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
        clientWithPhoneWhoWroteInTelegram(client, "+" + digits);

        Page page = newPage(1920, 1080);
        signIn(page, "anna");
        page.navigate(url("/chats"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Write message"))
                .click();
        Locator dialog = page.locator("vaadin-dialog.write-dialog");
        Locator search = dialog.locator("vaadin-combo-box input").first();
        search.fill(client);
        page.locator("vaadin-combo-box-item")
                .filter(new Locator.FilterOptions().setHasText(client))
                .first()
                .click();
        Locator viber = dialog.locator(".write-channel").filter(new Locator.FilterOptions().setHasText(channelName));
        assertThat(viber.locator(".write-channel-reason")).containsText("phone in the card");
        viber.click();
        assertThat(dialog.locator(".write-template-needed")).isHidden();
        Locator text = dialog.locator("vaadin-text-area textarea");
        text.fill("Iryna, your roses are ready — shall we bring them at 17:00?");
        waitForVaadin(page);
        screenshot(page, "viber-business-write-first-1920");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send"))
                .click();

        Locator message =
                page.locator(".message-manager").filter(new Locator.FilterOptions().setHasText("your roses are ready"));
        assertThat(message.locator(".status-sent")).isVisible();
        org.assertj.core.api.Assertions.assertThat(sent)
                .singleElement()
                .satisfies(body -> org.assertj.core.api.Assertions.assertThat(body)
                        .contains("\"sender\":\"FlowerShop\"")
                        .contains("\"to\":\"" + digits + "\"")
                        .contains("your roses are ready"));
        String messageId = sent.getFirst().replaceAll("(?s).*\"messageId\":\"([^\"]+)\".*", "$1");

        report("""
                {"results":[{"bulkId":"e2e-bulk","price":{"pricePerMessage":0.15,"currency":"EUR"},
                 "status":{"groupId":3,"groupName":"DELIVERED","id":5,"name":"DELIVERED_TO_HANDSET",
                  "description":"Message delivered to handset"},
                 "error":{"groupId":0,"groupName":"OK","id":0,"name":"NO_ERROR","description":"No Error","permanent":false},
                 "messageId":"%s","to":"%s","sender":"FlowerShop","sentAt":"2026-12-04T10:52:15.457+0000",
                 "doneAt":"2026-12-04T10:52:15.799+0000","messageCount":1}]}""".formatted(messageId, digits));
        assertThat(message.locator(".status-delivered")).isVisible();
        waitForVaadin(page);
        screenshot(page, "viber-business-delivered-1920");
        page.setViewportSize(1024, 768);
        waitForVaadin(page);
        screenshot(page, "viber-business-delivered-1024");
    }

    private void clientWithPhoneWhoWroteInTelegram(String name, String phone) {
        ChannelInfo telegram = SystemAccess.call(() -> channels.myChannels().stream()
                .filter(c -> c.name().startsWith("Telegram"))
                .findFirst()
                .orElseThrow());
        long chat = ingestion
                .receive(InboundMessage.text(
                        telegram.id(),
                        new ClientProfile("e2e-vb-" + name, name, null, null),
                        "e2e-vb-" + name,
                        "Are the roses in stock?",
                        Instant.now()))
                .conversationId();
        long clientId = jdbc.sql("select client_id from conversation where id = ?")
                .param(chat)
                .query(Long.class)
                .single();
        SystemAccess.call(
                () -> cards.changePhone(clientId, clients.summary(clientId).version(), phone, chat));
    }

    private void report(String json) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url("/webhooks/viber_business/" + key)))
                                .header("Content-Type", "application/json")
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString(("infobip:" + PASSWORD)
                                                                .getBytes(StandardCharsets.UTF_8)))
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        org.assertj.core.api.Assertions.assertThat(answer.statusCode()).isEqualTo(200);
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }
}
