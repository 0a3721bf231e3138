package com.omnichat.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.omnichat.base.SystemAccess;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.channel.ChannelService;
import com.omnichat.channel.ClientProfile;
import com.omnichat.channel.InboundMessage;
import com.omnichat.chat.MessageIngestion;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two managers work the inbox side by side: a client's message appears live for both,
 * the first to reply becomes responsible and the other sees it at once; a copied link
 * opens the chat for a colleague with access and is "not found" for one without.
 */
class InboxJourneyIT extends BrowserTest {

    @Autowired
    MessageIngestion ingestion;

    @Autowired
    ChannelService channels;

    @Test
    void clientMessageReachesBothManagersLiveAndTheFirstToReplyBecomesResponsible() {
        Page anna = newPage(1920, 1080);
        Page max = newPage(1920, 1080);
        signIn(anna, "anna");
        signIn(max, "max");
        anna.navigate(url("/chats"));
        max.navigate(url("/chats"));
        assertThat(anna.locator("vaadin-grid.chat-grid")).isVisible();
        assertThat(max.locator("vaadin-grid.chat-grid")).isVisible();

        String client = "Live Client " + System.nanoTime();
        ChannelInfo telegram = channel("Telegram · @flowershop_bot");
        ingestion.receive(InboundMessage.text(
                telegram.id(),
                new ClientProfile("e2e-" + client, client, "live_client", null),
                "e2e-msg-" + client,
                "Hello, is anyone there?",
                Instant.now()));

        Locator annaRow = anna.locator(".chat-row").filter(new Locator.FilterOptions().setHasText(client));
        Locator maxRow = max.locator(".chat-row").filter(new Locator.FilterOptions().setHasText(client));
        assertThat(annaRow).isVisible();
        assertThat(maxRow).isVisible();
        assertThat(maxRow.locator(".chat-row-badge")).hasText("1");

        max.locator(".chat-row")
                .filter(new Locator.FilterOptions().setHasText(client))
                .click();
        assertThat(max.locator(".chat-header .client-name")).hasText(client);
        annaRow.click();
        assertThat(anna.locator(".message-client")).containsText("Hello, is anyone there?");
        assertThat(anna.locator(".chat-header .presence")).containsText("Max Petrenko");

        anna.locator(".composer vaadin-text-area textarea").fill("Hi! Anna here, how can I help?");
        anna.locator(".composer vaadin-text-area textarea").press("Enter");

        assertThat(anna.locator(".message-manager")).containsText("Anna here");
        // Max sees the reply, the new responsible and the system message without reloading.
        assertThat(max.locator(".message-manager")).containsText("Anna here");
        assertThat(max.locator(".message-system")).containsText("Anna Shevchenko replied first and became responsible");
        assertThat(max.locator(".chat-header .responsible input")).hasValue("Anna Shevchenko");
        assertThat(maxRow.locator(".chat-row-badge")).isHidden();
        screenshot(anna, "inbox-anna-1920x1080");
        screenshot(max, "inbox-max-1920x1080");
        anna.setViewportSize(1024, 768);
        screenshot(anna, "inbox-anna-1024x768");
    }

    @Test
    void copiedLinkOpensTheChatForAColleagueWithAccessOnly() {
        String client = "Link Client " + System.nanoTime();
        // The demo bots by their full names: other journeys connect channels too (e.g. a Viber business number).
        ChannelInfo telegram = channel("Telegram · @flowershop_bot");
        ChannelInfo viber = channel("Viber · Flower Shop");
        long telegramChat = ingestion
                .receive(InboundMessage.text(
                        telegram.id(),
                        new ClientProfile("e2e-" + client, client, null, null),
                        "e2e-link-" + client,
                        "Link me",
                        Instant.now()))
                .conversationId();
        long viberChat = ingestion
                .receive(InboundMessage.text(
                        viber.id(),
                        new ClientProfile("e2e-v-" + client, client + " V", null, null),
                        "e2e-link-v-" + client,
                        "Viber only",
                        Instant.now()))
                .conversationId();

        Page max = newPage(1280, 800);
        signIn(max, "max");
        max.navigate(url("/chats/" + telegramChat));
        String link = max.locator(".chat-header vaadin-button[data-link]").getAttribute("data-link");
        org.assertj.core.api.Assertions.assertThat(link)
                .endsWith("/chats/" + telegramChat)
                .startsWith("http");

        Page anna = newPage(1280, 800);
        signIn(anna, "anna");
        anna.navigate(link);
        assertThat(anna.locator(".chat-header .client-name")).hasText(client);
        assertThat(anna.locator(".message-client")).containsText("Link me");

        // Anna has no access to Viber: the chat does not exist for her.
        anna.navigate(url("/chats/" + viberChat));
        assertThat(anna.getByText("Nothing here")).isVisible();
        assertThat(anna.locator(".chat-header")).hasCount(0);
    }

    private ChannelInfo channel(String name) {
        return SystemAccess.call(() -> channels.myChannels().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow());
    }
}
