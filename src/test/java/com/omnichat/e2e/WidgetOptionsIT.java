package com.omnichat.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.omnichat.base.SystemAccess;
import com.omnichat.channel.ChannelAdministration;
import com.omnichat.channel.ChannelDraft;
import com.omnichat.channel.ChannelMode;
import com.omnichat.channel.ChannelType;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The widget's script tag options on a shop's page: {@code data-lang}, {@code data-position},
 * {@code data-open}; and a site chat allowing {@code *} works on any site.
 */
class WidgetOptionsIT extends BrowserTest {

    private static final String CHANNEL = "Any-site chat (e2e)";
    private static final String GREETING = "Вітаємо! Питайте про квіти.";

    @Autowired
    ChannelAdministration administration;

    @Autowired
    JdbcClient jdbc;

    private HttpServer shopServer;

    @BeforeEach
    void startShop() throws IOException {
        shopServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        shopServer.start();
    }

    @AfterEach
    void stopShop() {
        shopServer.stop(0);
    }

    @Test
    void theTagChoosesLanguageSideAndOpensAtOnceOnAnySiteTheChannelAllows() {
        String key = siteChatForAnySite();

        Page page = shopPage("/options", key, "data-lang=\"uk\" data-position=\"left\" data-open=\"true\"");

        // data-open: open without a click; the greeting: the session started on a site nobody listed.
        assertThat(page.locator(".oc-window")).isVisible();
        assertThat(page.locator(".oc-greeting")).hasText(GREETING);
        assertThat(page.locator(".oc-root")).hasClass(java.util.regex.Pattern.compile(".*\\boc-left\\b.*"));
        // data-lang wins over the browser's English.
        assertThat(page.locator(".oc-title")).hasText("Напишіть нам");
        assertThat(page.locator(".oc-launcher")).hasAttribute("aria-label", "Закрити чат");
        screenshot(page, "widget-options-uk-left-open");
    }

    @Test
    void withoutOptionsItSpeaksTheBrowsersLanguageSitsRightAndWaitsForAClick() {
        String key = siteChatForAnySite();

        Page page = shopPage("/plain", key, "");

        assertThat(page.locator(".oc-window")).isHidden();
        assertThat(page.locator(".oc-root")).not().hasClass(java.util.regex.Pattern.compile(".*\\boc-left\\b.*"));
        assertThat(page.locator(".oc-launcher")).hasAttribute("aria-label", "Chat with us");
        page.locator(".oc-launcher").click();
        assertThat(page.locator(".oc-greeting")).hasText(GREETING);
    }

    /** A shop's page on its own origin (never listed for the channel) with the widget's script tag. */
    private Page shopPage(String path, String channelKey, String options) {
        String html = """
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>Flower Shop</title></head>
                <body><h1>Flower Shop</h1>
                  <script src="%s" data-channel="%s" %s async></script>
                </body></html>""".formatted(url("/widget/omnichat-widget.js"), channelKey, options);
        shopServer.createContext(path, exchange -> {
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        Page page = newPage(1280, 800);
        page.navigate("http://127.0.0.1:" + shopServer.getAddress().getPort() + path);
        assertThat(page.locator(".oc-launcher")).isVisible();
        return page;
    }

    /** A site chat whose allowed sites are {@code *}. */
    private String siteChatForAnySite() {
        Long existing = jdbc.sql("select id from channel where name = ?")
                .param(CHANNEL)
                .query(Long.class)
                .optional()
                .orElse(null);
        long id = SystemAccess.call(() -> administration
                .save(new ChannelDraft(
                        existing,
                        ChannelType.WEBCHAT,
                        CHANNEL,
                        ChannelMode.WEBHOOK,
                        Map.of(),
                        Map.of("allowedOrigins", "*", "greeting", GREETING),
                        true))
                .id());
        return jdbc.sql("select channel_key from channel where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }
}
