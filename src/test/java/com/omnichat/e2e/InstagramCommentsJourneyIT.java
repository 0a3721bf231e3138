package com.omnichat.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.omnichat.base.SystemAccess;
import com.omnichat.channel.ChannelAdministration;
import com.omnichat.channel.ChannelDetails;
import com.omnichat.channel.ChannelDraft;
import com.omnichat.channel.ChannelMode;
import com.omnichat.channel.ChannelService;
import com.omnichat.channel.ChannelType;
import com.omnichat.channel.FakeProviderServers;
import com.omnichat.channel.internal.ChannelDirectory;
import com.omnichat.channel.meta.MetaSignature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A comment on the shop's Instagram post arrives while the manager has the inbox open: it
 * shows live, marked "commented on your post" with a link to the post; she answers it in the
 * comments ("⋮ → Reply"), the answer is marked and sent; when the client then writes in Direct,
 * a message typed normally goes to Direct. Instagram's Graph API is a fake on loopback.
 */
class InstagramCommentsJourneyIT extends BrowserTest {

    static final String APP_SECRET = "e2e-instagram-app-secret";
    static final String ACCOUNT = "17841400000000077";
    static final String PERMALINK = "https://www.instagram.com/p/C7xFlowers1/";

    @Autowired
    ChannelAdministration administration;

    @Autowired
    ChannelService channels;

    @Autowired
    ChannelDirectory directory;

    @Autowired
    JdbcClient jdbc;

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(500);
    private String key;

    @BeforeEach
    void instagramConnectedAgainstAFakeGraph() {
        Dispatcher graph = new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                String body = request.getBody() == null ? "" : request.getBody().utf8();
                calls.add(request.getMethod() + " " + path + " " + body);
                if (path.endsWith("/replies")) {
                    return json("{\"id\":\"c_reply." + ids.incrementAndGet() + "\"}");
                }
                if (path.endsWith("/me") && !path.contains("messages")) {
                    return json("{\"id\":\"12345654332\",\"name\":\"Flower Shop\"}");
                }
                if (path.endsWith("/me/messages")) {
                    return json(
                            "{\"recipient_id\":\"e2e-olena\",\"message_id\":\"m_sent." + ids.incrementAndGet() + "\"}");
                }
                return json("""
                        {"id":"x","permalink":"%s","caption":"Spring bouquets 🌷","media_type":"IMAGE",
                         "name":"Olena Koval","username":"olena.flowers"}""".formatted(PERMALINK));
            }
        };
        // One fake for both Graph hosts.
        FakeProviderServers.INSTAGRAM.routeTo(graph);
        FakeProviderServers.GRAPH.routeTo(graph);
        long anna = jdbc.sql("select id from staff_user where login = 'anna'")
                .query(Long.class)
                .single();
        ChannelDetails channel = SystemAccess.call(() -> {
            ChannelDetails saved = administration.save(new ChannelDraft(
                    null,
                    ChannelType.INSTAGRAM,
                    "Instagram · @flowershop " + System.nanoTime(),
                    ChannelMode.WEBHOOK,
                    Map.of("appSecret", APP_SECRET, "accessToken", "IGAAe2einstagramtoken000000"),
                    Map.of(),
                    true));
            channels.grant(saved.id(), anna);
            return saved;
        });
        key = directory.byId(channel.id()).orElseThrow().key();
    }

    @AfterEach
    void graphBack() {
        FakeProviderServers.INSTAGRAM.detach();
        FakeProviderServers.GRAPH.detach();
    }

    @Test
    void aCommentShowsLiveWithThePostLinkIsAnsweredInTheCommentsAndATypedMessageGoesToDirect() throws Exception {
        Page anna = newPage(1920, 1080);
        signIn(anna, "anna");
        anna.navigate(url("/chats"));
        assertThat(anna.locator("vaadin-grid.chat-grid")).isVisible();
        String user = "e2e-olena-" + System.nanoTime();

        webhook("""
                {"object":"instagram","entry":[{"id":"%s","time":%d,"changes":[{"field":"comments","value":{
                 "id":"c.%s","text":"How much is the tulip bouquet?","from":{"id":"%s","username":"olena.flowers"},
                 "media":{"id":"76543987","media_product_type":"FEED"}}}]}]}""".formatted(ACCOUNT, System.currentTimeMillis() / 1000, user, user));

        Locator row = anna.locator(".chat-row").filter(new Locator.FilterOptions().setHasText("tulip bouquet"));
        row.first().click();
        Locator comment = anna.locator(".message-client")
                .filter(new Locator.FilterOptions().setHasText("How much is the tulip bouquet?"));
        assertThat(comment.locator(".message-origin")).containsText("commented on your post");
        // The post's link arrives a moment later (fetched once per post) and shows live.
        Locator link = comment.locator("a.origin-link");
        assertThat(link).hasAttribute("href", PERMALINK);
        assertThat(link).hasAttribute("target", "_blank");
        assertThat(comment.locator(".origin-caption")).hasText("Spring bouquets 🌷");
        screenshot(anna, "instagram-comment-1920");

        comment.locator(".message-menu").click();
        anna.getByRole(
                        AriaRole.MENUITEM,
                        new Page.GetByRoleOptions().setName("Reply").setExact(true))
                .click();
        assertThat(anna.locator(".reply-box")).containsText("Answer in the comments");
        Locator input = anna.locator(".composer vaadin-text-area textarea");
        input.fill("25 €, and we deliver today!");
        input.press("Enter");

        Locator answer = anna.locator(".message-manager")
                .filter(new Locator.FilterOptions().setHasText("25 €, and we deliver today!"));
        assertThat(answer.locator(".message-origin")).containsText("reply to a comment on your post");
        assertThat(answer.locator(".status-sent")).isVisible();
        org.assertj.core.api.Assertions.assertThat(calls)
                .anySatisfy(call -> org.assertj.core.api.Assertions.assertThat(call)
                        .startsWith("POST /v26.0/c." + user + "/replies")
                        .contains("25 €, and we deliver today!"));

        webhook("""
                {"object":"instagram","entry":[{"id":"%s","time":%d,"messaging":[{"sender":{"id":"%s"},
                 "recipient":{"id":"%s"},"timestamp":%d,"message":{"mid":"m.%s","text":"Great, I'll take it"}}]}]}""".formatted(ACCOUNT, System.currentTimeMillis(), user, ACCOUNT, System.currentTimeMillis(), user));
        assertThat(anna.locator(".message-client").filter(new Locator.FilterOptions().setHasText("I'll take it")))
                .isVisible();
        assertThat(anna.locator(".composer .window-hint")).containsText("within 24 hours");

        input.fill("Wonderful, see you at 18:00");
        input.press("Enter");
        Locator direct =
                anna.locator(".message-manager").filter(new Locator.FilterOptions().setHasText("see you at 18:00"));
        assertThat(direct.locator(".status-sent")).isVisible();
        assertThat(direct.locator(".message-origin")).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(calls)
                .anySatisfy(call -> org.assertj.core.api.Assertions.assertThat(call)
                        .startsWith("POST /v26.0/me/messages")
                        .contains("\"recipient\":{\"id\":\"" + user + "\"}")
                        .contains("see you at 18:00"));
        screenshot(anna, "instagram-comment-answered-1920");

        Page tablet = newPage(1024, 768);
        signIn(tablet, "anna");
        tablet.navigate(url("/chats"));
        tablet.locator(".chat-row")
                .filter(new Locator.FilterOptions().setHasText("see you at 18:00"))
                .first()
                .click();
        assertThat(tablet.locator("a.origin-link").first()).hasAttribute("href", PERMALINK);
        screenshot(tablet, "instagram-comment-1024");
    }

    @Test
    void anAdministratorConnectsAFacebookPageAndGetsWhatToPasteIntoTheMetaApp() {
        Page admin = newPage(1920, 1080);
        signIn(admin, "admin");
        admin.navigate(url("/admin/channels"));
        String name = "Messenger · Flower Shop " + System.nanoTime();

        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add channel"))
                .click();
        Locator dialog = admin.locator("vaadin-dialog.channel-dialog");
        dialog.locator("vaadin-select").first().click();
        admin.locator("vaadin-select-item")
                .filter(new Locator.FilterOptions().setHasText("Facebook Messenger"))
                .click();
        dialog.getByLabel("Name", new Locator.GetByLabelOptions().setExact(true))
                .fill(name);
        Locator secrets = dialog.locator("vaadin-password-field input");
        assertThat(secrets).hasCount(2);
        secrets.nth(0).fill("e2e-page-app-secret");
        secrets.nth(1).fill("EAAGe2epagetoken000000");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(admin.locator("vaadin-notification-card")
                        .filter(new Locator.FilterOptions().setHasText("Channel saved: " + name)))
                .isVisible();

        admin.getByText(name).first().click();
        Locator edit = admin.locator("vaadin-dialog.channel-dialog");
        edit.getByRole(AriaRole.TAB, new Locator.GetByRoleOptions().setName("Status"))
                .click();
        assertThat(edit.locator(".verify-token input")).hasValue(Pattern.compile("[A-Za-z0-9_-]{40,}"));
        assertThat(edit.locator(".channel-status vaadin-text-field input").first())
                .hasValue(Pattern.compile("http://localhost:8080/webhooks/facebook/.+"));
        edit.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Check connection"))
                .click();
        assertThat(edit.getByText("Connected as Flower Shop (12345654332)")).isVisible();
        screenshot(admin, "messenger-admin-status-1920");
        admin.setViewportSize(1024, 768);
        screenshot(admin, "messenger-admin-status-1024");
    }

    private void webhook(String json) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url("/webhooks/instagram/" + key)))
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
