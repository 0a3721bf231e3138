package com.omnichat.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.omnichat.base.SystemAccess;
import com.omnichat.channel.ChannelAdministration;
import com.omnichat.channel.ChannelDraft;
import com.omnichat.channel.ChannelMode;
import com.omnichat.channel.ChannelService;
import com.omnichat.channel.ChannelType;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The site chat, both sides live: a visitor on a shop's own site (another origin, the widget
 * embedded with one script tag) writes; the message appears in the manager's inbox at once;
 * the manager answers and the answer appears in the visitor's widget, read while it is open.
 * Hostile text stays text on both sides. Also the "Write message" dialog, for screenshots.
 */
class SiteChatJourneyIT extends BrowserTest {

    @Autowired
    ChannelAdministration administration;

    @Autowired
    ChannelService channels;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aVisitorAndAManagerChatLiveThroughTheWidget() {
        String key = shopSiteChat();
        Page visitor = shopPage(key, 1920, 1080);
        Page manager = newPage(1920, 1080);
        // max: other tests switch anna to Ukrainian, and these assertions and screenshots are in English.
        signIn(manager, "max");
        manager.navigate(url("/chats"));
        assertThat(manager.locator("vaadin-grid.chat-grid")).isVisible();

        visitor.locator(".oc-launcher").click();
        assertThat(visitor.locator(".oc-window")).isVisible();
        assertThat(visitor.locator(".oc-title")).hasText("Flower Shop");
        String hostile = "Hello! <img src=x onerror=\"window.__xss=1\"><b>Do you deliver to Lviv?</b>";
        visitor.locator(".oc-input").fill(hostile);
        visitor.locator(".oc-input").press("Enter");
        assertThat(visitor.locator(".oc-msg.oc-visitor:not(.oc-pending) .oc-text"))
                .hasText(hostile);

        // Live in the inbox: a new chat with the visitor, the text as text.
        Locator row =
                manager.locator(".chat-row").filter(new Locator.FilterOptions().setHasText("Do you deliver to Lviv?"));
        assertThat(row).isVisible();
        row.click();
        assertThat(manager.locator(".message-client")).containsText("<img src=x");
        manager.locator(".composer vaadin-text-area textarea")
                .fill("Yes, tomorrow morning. https://shop.test/delivery");
        manager.locator(".composer vaadin-text-area textarea").press("Enter");

        // Live in the widget; the link is a link, the rest is text.
        Locator reply = visitor.locator(".oc-msg.oc-agent:not(.oc-greeting)");
        assertThat(reply).containsText("Yes, tomorrow morning.");
        assertThat(reply.locator("a")).hasAttribute("href", "https://shop.test/delivery");
        assertThat(reply.locator("a")).hasAttribute("rel", "noopener noreferrer nofollow");
        org.assertj.core.api.Assertions.assertThat(visitor.evaluate("() => window.__xss"))
                .isNull();
        org.assertj.core.api.Assertions.assertThat(manager.evaluate("() => window.__xss"))
                .isNull();
        // The window was open: the reply counts as read.
        waitFor(() -> "READ".equals(lastReplyStatus()));

        visitor.locator(".oc-input").fill("Great, thank you!");
        visitor.locator(".oc-input").press("Enter");
        assertThat(manager.locator(".message-client").last()).containsText("Great, thank you!");

        screenshot(visitor, "widget-open-1920x1080");
        visitor.setViewportSize(1024, 768);
        screenshot(visitor, "widget-open-1024x768");
        screenshot(manager, "widget-chat-in-inbox-1920x1080");

        // A reload (or the next page of the shop) keeps the visitor, his chat (token in localStorage)
        // and the open window; leaving contacts works.
        visitor.reload();
        assertThat(visitor.locator(".oc-window")).isVisible();
        assertThat(visitor.locator(".oc-msg.oc-agent:not(.oc-greeting)")).containsText("Yes, tomorrow morning.");
        visitor.locator(".oc-prompt .oc-link-button").click();
        visitor.locator(".oc-form input[name=name]").fill("Olga Visitor");
        visitor.locator(".oc-form input[name=phone]").fill("+380 67 765 43 21");
        screenshot(visitor, "widget-contacts-1024x768");
        visitor.locator(".oc-form .oc-primary").click();
        assertThat(visitor.locator(".oc-notice")).containsText("We saved your contacts");
        waitFor(() -> "+380677654321"
                .equals(jdbc.sql("""
                        select c.phone from client c join client_identity i on i.client_id = c.id
                        join channel ch on ch.id = i.channel_id where ch.channel_key = ? order by i.id desc limit 1""").param(key).query(String.class).optional().orElse(null)));
    }

    @Test
    void theWriteMessageDialogSaysWhichChannelsReachTheClient() {
        Page manager = newPage(1920, 1080);
        // max: other tests switch anna to Ukrainian, and these assertions and screenshots are in English.
        signIn(manager, "max");
        manager.navigate(url("/chats"));
        manager.locator("vaadin-button.write-button").click();
        Locator dialog = manager.locator("vaadin-dialog.write-dialog");
        assertThat(dialog).hasAttribute("aria-label", "Write message");
        dialog.locator("vaadin-combo-box input").fill("Олена");
        manager.locator("vaadin-combo-box-item")
                .filter(new Locator.FilterOptions().setHasText("Олена Бондар"))
                .click();
        assertThat(dialog.locator(".write-channel-reason").first()).containsText("Goes to the existing chat");
        // Other journeys may have connected channels (e.g. a mailbox) max sees: pick the Viber bot by name.
        assertThat(dialog.locator(".write-channel-unavailable")
                        .filter(new Locator.FilterOptions().setHasText("Viber · Flower Shop")))
                .containsText("Can only answer");
        dialog.locator("vaadin-text-area textarea").fill("Hello Olena, your peonies have arrived.");
        screenshot(manager, "write-dialog-1920x1080");
        manager.setViewportSize(1024, 768);
        screenshot(manager, "write-dialog-1024x768");
    }

    // ---- the shop's site ----

    private HttpServer shopServer;

    /**
     * The shop's own web server: another origin than the application's. A real server on
     * this machine (not a page the browser test fakes), so the browser treats both as the
     * same local network and its private-network rules do not interfere.
     */
    private String shop() {
        return "http://127.0.0.1:" + shopServer.getAddress().getPort();
    }

    @BeforeEach
    void startShop() throws IOException {
        shopServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        shopServer.start();
    }

    @AfterEach
    void stopShop() {
        shopServer.stop(0);
    }

    /** A shop's page on its own origin with the widget's one script tag. */
    private Page shopPage(String channelKey, int width, int height) {
        Page page = newPage(width, height);
        String html = """
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>Flower Shop</title></head>
                <body style="font-family: sans-serif; background: #faf7f2">
                  <h1>Flower Shop</h1><p>Peonies, roses and tulips, delivered across Ukraine.</p>
                  <script src="%s" data-channel="%s" async></script>
                </body></html>""".formatted(url("/widget/omnichat-widget.js"), channelKey);
        shopServer.createContext("/flower-shop", exchange -> {
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        page.navigate(shop() + "/flower-shop");
        assertThat(page.locator(".oc-launcher")).isVisible();
        return page;
    }

    /** The shop's site chat, allowed on the shop's origin, answered by max. */
    private String shopSiteChat() {
        String name = "Shop site chat (e2e)";
        Long existing = jdbc.sql("select id from channel where name = ?")
                .param(name)
                .query(Long.class)
                .optional()
                .orElse(null);
        long id = SystemAccess.call(() -> administration
                .save(new ChannelDraft(
                        existing,
                        ChannelType.WEBCHAT,
                        name,
                        ChannelMode.WEBHOOK,
                        Map.of(),
                        Map.of(
                                "allowedOrigins",
                                shop(),
                                "title",
                                "Flower Shop",
                                "greeting",
                                "Hi! Ask us anything about flowers and delivery."),
                        true))
                .id());
        long max = jdbc.sql("select id from staff_user where login = 'max'")
                .query(Long.class)
                .single();
        SystemAccess.run(() -> channels.grant(id, max));
        return jdbc.sql("select channel_key from channel where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private String lastReplyStatus() {
        return jdbc.sql("""
                        select m.delivery_status from message m join channel c on c.id = m.channel_id
                        where c.name = 'Shop site chat (e2e)' and m.kind = 'MANAGER' order by m.id desc limit 1""").query(String.class).optional().orElse(null);
    }

    private static void waitFor(java.util.function.Supplier<Boolean> condition) {
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> Boolean.TRUE.equals(condition.get()));
    }
}
