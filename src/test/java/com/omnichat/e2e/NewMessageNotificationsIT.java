package com.omnichat.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.omnichat.base.SystemAccess;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.channel.ChannelService;
import com.omnichat.channel.ClientProfile;
import com.omnichat.channel.InboundMessage;
import com.omnichat.chat.MessageIngestion;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A manager turns desktop notifications on, lets the browser allow them, and puts the tab
 * in the background on another page; a client writes: the tab title counts the messages,
 * a desktop notification names the client and quotes him, and clicking it brings the tab
 * back on that chat. The browser's Notification API is replaced by a recorder, and the
 * page is told it is hidden, as a real background tab would be. The pages' goodbyes (Vaadin's
 * unload beacons) are dropped, as Firefox and Safari often do and as a busy machine once did
 * here: the page he left after signing in stays registered on the server, visible, and must
 * not make the background tab count quietly instead of notifying.
 */
class NewMessageNotificationsIT extends BrowserTest {

    /** Runs before the page's own scripts: a recording Notification and a controllable visibility. */
    private static final String BROWSER_STUBS = """
            navigator.sendBeacon = () => true;
            window.__hidden = false;
            Object.defineProperty(Document.prototype, 'hidden', {configurable: true, get: () => window.__hidden});
            Object.defineProperty(Document.prototype, 'visibilityState', {configurable: true,
                get: () => window.__hidden ? 'hidden' : 'visible'});
            window.__notifications = [];
            window.__permissionRequests = 0;
            class RecordingNotification {
              constructor(title, options) {
                this.title = title;
                this.options = options || {};
                window.__notifications.push(this);
              }
              close() { this.closed = true; }
              static requestPermission() {
                window.__permissionRequests++;
                RecordingNotification.permission = 'granted';
                return Promise.resolve('granted');
              }
            }
            RecordingNotification.permission = 'default';
            window.Notification = RecordingNotification;
            window.__chimes = 0;
            if (window.AudioContext) {
              const create = AudioContext.prototype.createOscillator;
              AudioContext.prototype.createOscillator = function () { window.__chimes++; return create.call(this); };
            }
            """;

    private static final String SET_HIDDEN =
            "hidden => { window.__hidden = hidden; document.dispatchEvent(new Event('visibilitychange')); }";

    @Autowired
    MessageIngestion ingestion;

    @Autowired
    ChannelService channels;

    @Test
    void aBackgroundTabCountsNewMessagesAndItsDesktopNotificationOpensTheChat() {
        Page anna = newPage(1920, 1080);
        BrowserContext context = anna.context();
        context.grantPermissions(
                List.of("notifications"), new BrowserContext.GrantPermissionsOptions().setOrigin(url("")));
        anna.addInitScript(BROWSER_STUBS);
        signIn(anna, "anna");
        anna.navigate(url("/clients"));
        waitForVaadin(anna);

        enableDesktopNotifications(anna);
        anna.evaluate(SET_HIDDEN, true);
        waitForVaadin(anna);

        String client = "Notified Client " + System.nanoTime();
        long chat = clientWrites(client, "Do you deliver peonies on Sunday?");
        assertThat(anna).hasTitle(Pattern.compile("^\\(1\\) "));
        clientWrites(client, "And to Brovary?");
        assertThat(anna).hasTitle(Pattern.compile("^\\(2\\) "));

        anna.waitForFunction("() => window.__notifications.length >= 2");
        @SuppressWarnings("unchecked")
        Map<String, Object> latest = (Map<String, Object>) anna.evaluate("""
                () => { const n = window.__notifications[window.__notifications.length - 1];
                        return {title: n.title, body: n.options.body, tag: n.options.tag}; }""");
        org.assertj.core.api.Assertions.assertThat(latest)
                .containsEntry("title", client)
                .containsEntry("body", "And to Brovary?")
                .containsEntry("tag", "omnichat-chat-" + chat);
        org.assertj.core.api.Assertions.assertThat((Integer) anna.evaluate("() => window.__chimes"))
                .as("a chime played")
                .isPositive();

        anna.evaluate("() => window.__notifications[window.__notifications.length - 1].onclick()");
        anna.evaluate(SET_HIDDEN, false); // the browser shows the tab again
        anna.waitForURL(Pattern.compile(".*/chats/" + chat + "(\\?.*)?$"));
        assertThat(anna.locator(".chat-header .client-name")).hasText(client);
        assertThat(anna.locator(".message-client").last()).containsText("And to Brovary?");
        assertThat(anna).hasTitle(Pattern.compile("^[^(]"));
    }

    /** User menu → Notifications… → desktop notifications on; the browser asks, and allows. */
    private void enableDesktopNotifications(Page page) {
        page.locator(".user-menu-trigger").click();
        // By pattern: another journey may have switched anna to Ukrainian or Russian.
        page.getByRole(
                        AriaRole.MENUITEM,
                        new Page.GetByRoleOptions().setName(Pattern.compile("Notifications…|Сповіщення…|Уведомления…")))
                .click();
        Locator content = page.locator(".notification-settings-content");
        assertThat(content).isVisible();
        // The label: the checkbox's helper text below it is not clickable.
        content.locator("vaadin-checkbox").nth(1).locator("label").click();
        page.waitForFunction("() => window.__permissionRequests === 1");
        waitForVaadin(page);
        assertThat(content.locator(".notification-permission-row")).isHidden();
        screenshot(page, "notification-settings-1920x1080");
        page.setViewportSize(1024, 768);
        waitForVaadin(page);
        screenshot(page, "notification-settings-1024x768");
        page.setViewportSize(1920, 1080);
        page.keyboard().press("Escape");
        assertThat(content).isHidden();
    }

    private long clientWrites(String client, String text) {
        ChannelInfo telegram = SystemAccess.call(() -> channels.myChannels().stream()
                .filter(c -> c.name().startsWith("Telegram"))
                .findFirst()
                .orElseThrow());
        return ingestion
                .receive(InboundMessage.text(
                        telegram.id(),
                        new ClientProfile("e2e-notify-" + client, client, null, null),
                        "e2e-notify-" + System.nanoTime(),
                        text,
                        Instant.now()))
                .conversationId();
    }
}
