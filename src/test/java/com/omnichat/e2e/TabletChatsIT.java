package com.omnichat.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.omnichat.base.SystemAccess;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.channel.ChannelService;
import com.omnichat.channel.ClientProfile;
import com.omnichat.channel.InboundMessage;
import com.omnichat.chat.MessageIngestion;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A manager on a tablet (touch): in landscape the chat list and the chat stand side by side
 * with the navigation drawer closed and the client card as an overlay; in portrait, as an
 * installed app without a browser back button, list and chat take turns and the chat's top
 * bar leads back to the list (Chromium cannot emulate the standalone display mode; a window
 * opened on the chat with no history stands in for it). Every action of the chat's top bar
 * stays on the screen.
 */
class TabletChatsIT extends BrowserTest {

    @Autowired
    MessageIngestion ingestion;

    @Autowired
    ChannelService channels;

    @Test
    void landscapeTabletShowsListAndChatSideBySideWithTheCardAsAnOverlay() {
        String client = "Tablet Client " + System.nanoTime();
        long chat = clientWrites(client);
        Page page = newPage(1024, 768, "en-US", true);
        signIn(page, "anna");
        page.navigate(url("/chats"));
        Locator layout = page.locator("vaadin-app-layout");
        Locator nav = page.locator("vaadin-side-nav");

        // The drawer starts closed; its toggle opens it over the page, a tap beside it closes it.
        assertThat(layout).hasAttribute("overlay", "");
        assertThat(nav).isHidden();
        page.locator("vaadin-drawer-toggle").tap();
        assertThat(nav).isVisible();
        assertThat(layout).hasAttribute("drawer-opened", "");
        screenshot(page, "tablet-landscape-drawer-1024x768");
        page.touchscreen().tap(900, 400);
        assertThat(nav).isHidden();

        page.locator(".chat-row")
                .filter(new Locator.FilterOptions().setHasText(client))
                .tap();
        page.waitForURL(Pattern.compile(".*/chats/" + chat + "(\\?.*)?$"));
        assertThat(page.locator(".chat-header .client-name")).hasText(client);
        BoundingBox list = page.locator(".chat-list").boundingBox();
        BoundingBox window = page.locator(".chat-window").boundingBox();
        Assertions.assertThat(list.x + list.width)
                .as("the list ends where the chat begins")
                .isLessThanOrEqualTo(window.x + 1);
        Assertions.assertThat(window.x + window.width)
                .as("the chat fits the screen")
                .isLessThanOrEqualTo(1024 + 1);
        assertHeaderActionsOnScreen(page, 1024);
        assertThat(page.locator(".client-panel")).isHidden();
        screenshot(page, "tablet-landscape-chat-1024x768");

        // The card: opened from the top bar over the chat, closed by its button or by Esc.
        Locator toggleCard = page.locator(".chat-header .toggle-card");
        assertThat(toggleCard).hasAttribute("aria-expanded", "false");
        toggleCard.tap();
        Locator panel = page.locator(".client-panel");
        assertThat(panel.locator(".client-card")).isVisible();
        assertThat(toggleCard).hasAttribute("aria-expanded", "true");
        BoundingBox card = panel.boundingBox();
        Assertions.assertThat(card.x + card.width)
                .as("the card fits the screen")
                .isLessThanOrEqualTo(1024 + 1);
        Assertions.assertThat(card.x).as("the card lies over the chat").isGreaterThan(window.x);
        waitForVaadin(page);
        screenshot(page, "tablet-landscape-card-1024x768");
        panel.locator(".close-card").tap();
        assertThat(panel).isHidden();
        toggleCard.tap();
        assertThat(panel.locator(".client-card")).isVisible();
        page.keyboard().press("Escape");
        assertThat(panel).isHidden();
        assertThat(toggleCard).hasAttribute("aria-expanded", "false");

        // The list can still make way for the chat, and come back.
        page.locator(".chat-header .toggle-list").tap();
        assertThat(page.locator(".chat-list")).isHidden();
        assertHeaderActionsOnScreen(page, 1024);
        page.locator(".chat-header .toggle-list").tap();
        assertThat(page.locator(".chat-list")).isVisible();

        // Another page keeps its drawer beside the content, as before.
        page.navigate(url("/clients"));
        assertThat(nav).isVisible();
        assertThat(layout).not().hasAttribute("overlay", "");
    }

    @Test
    void portraitTabletAsAnInstalledAppLeadsBackFromTheChatToTheList() {
        String client = "Portrait Client " + System.nanoTime();
        long chat = clientWrites(client);
        Page signIn = newPage(768, 1024, "en-US", true);
        signIn(signIn, "anna");
        signIn.navigate(url("/chats"));
        assertThat(signIn.locator("vaadin-side-nav")).isHidden();
        assertThat(signIn.locator(".chat-row").filter(new Locator.FilterOptions().setHasText(client)))
                .isVisible();
        screenshot(signIn, "tablet-portrait-list-768x1024");

        // The installed app opens the chat from a notification: a window of its own, no list behind it in its history.
        Page page = signIn.context().newPage();
        page.navigate(url("/chats/" + chat));
        assertThat(page.locator(".chat-header .client-name")).hasText(client);
        assertThat(page.locator(".chat-list")).isHidden();
        assertHeaderActionsOnScreen(page, 768);
        screenshot(page, "tablet-portrait-chat-768x1024");

        page.locator(".chat-header .toggle-card").tap();
        assertThat(page.locator(".client-panel .client-card")).isVisible();
        BoundingBox card = page.locator(".client-panel").boundingBox();
        Assertions.assertThat(card.x + card.width)
                .as("the card fits the screen")
                .isLessThanOrEqualTo(768 + 1);
        waitForVaadin(page);
        screenshot(page, "tablet-portrait-card-768x1024");
        page.locator(".client-panel .close-card").tap();

        // No browser back button: the top bar's arrow returns to the list.
        Locator back = page.locator(".chat-header .back-to-list");
        assertThat(back).hasAttribute("aria-label", "Back to the chat list");
        back.tap();
        page.waitForURL(Pattern.compile(".*/chats(\\?.*)?$"));
        assertThat(page.locator(".chat-list")).isVisible();
        assertThat(page.locator(".chat-row").filter(new Locator.FilterOptions().setHasText(client)))
                .isVisible();
        assertThat(page.locator(".chat-window")).hasCount(0);
    }

    /** Every button and field of the chat's top bar is shown whole, inside the screen and the bar. */
    private static void assertHeaderActionsOnScreen(Page page, int width) {
        Locator header = page.locator(".chat-header");
        BoundingBox bar = header.boundingBox();
        List<Locator> actions = header.locator(":scope > vaadin-button, :scope > vaadin-combo-box")
                .all();
        Assertions.assertThat(actions).hasSizeGreaterThanOrEqualTo(4);
        int shown = 0;
        for (Locator action : actions) {
            if (!action.isVisible()) {
                continue;
            }
            shown++;
            BoundingBox box = action.boundingBox();
            String name = String.valueOf(action.getAttribute("class")) + " " + action.getAttribute("aria-label");
            Assertions.assertThat(box.x).as("%s starts on screen", name).isGreaterThanOrEqualTo(bar.x - 1);
            Assertions.assertThat(box.x + box.width)
                    .as("%s ends on screen", name)
                    .isLessThanOrEqualTo(Math.min(width, bar.x + bar.width) + 1);
            Assertions.assertThat(box.width).as("%s is not squeezed", name).isGreaterThanOrEqualTo(24);
        }
        // Back or list toggle, responsible, copy link, card, close.
        Assertions.assertThat(shown).as("top bar actions shown").isGreaterThanOrEqualTo(5);
    }

    private long clientWrites(String client) {
        ChannelInfo telegram = SystemAccess.call(() -> channels.myChannels().stream()
                .filter(c -> c.name().startsWith("Telegram"))
                .findFirst()
                .orElseThrow());
        return ingestion
                .receive(InboundMessage.text(
                        telegram.id(),
                        new ClientProfile("tablet-" + client, client, "tablet_client", null),
                        "tablet-" + client,
                        "Do you deliver on Sunday?",
                        Instant.now()))
                .conversationId();
    }
}
