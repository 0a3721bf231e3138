package com.omnichat.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An administrator writes a shared template with a variable; a manager inserts it into a
 * chat at the caret, edits it and sends it — the sent message is the edited, filled text —
 * then inserts it again by keyboard through {@code /shortcut}.
 */
class QuickReplyJourneyIT extends BrowserTest {

    @Autowired
    MessageIngestion ingestion;

    @Autowired
    ChannelService channels;

    @Test
    void templateWithAVariableIsInsertedEditedAndSent() {
        String title = "Greeting " + System.nanoTime();
        String shortcut = "g" + System.nanoTime() % 1_000_000;
        Page admin = newPage(1600, 900);
        signIn(admin, "admin");
        admin.navigate(url("/admin/quick-replies"));
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New template"))
                .click();
        admin.getByLabel("Title", new Page.GetByLabelOptions().setExact(true)).fill(title);
        admin.getByLabel("Text", new Page.GetByLabelOptions().setExact(true))
                .fill("Hello {client_name}, this is {manager_name}.");
        admin.getByLabel("Shortcut", new Page.GetByLabelOptions().setExact(true))
                .fill(shortcut);
        admin.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Save").setExact(true))
                .click();
        assertThat(admin.getByText("Template " + title + " created")).isVisible();

        String client = "Template Client " + System.nanoTime();
        ChannelInfo telegram = SystemAccess.call(() -> channels.myChannels().stream()
                .filter(c -> c.name().startsWith("Telegram"))
                .findFirst()
                .orElseThrow());
        long chat = ingestion
                .receive(InboundMessage.text(
                        telegram.id(),
                        new ClientProfile("e2e-qr-" + client, client, null, null),
                        "e2e-qr-" + client,
                        "Hi there",
                        Instant.now()))
                .conversationId();

        Page anna = newPage(1600, 900);
        signIn(anna, "anna");
        anna.navigate(url("/chats/" + chat));
        Locator input = anna.locator(".composer vaadin-text-area textarea");
        input.fill("Good morning! ");
        input.press("End");
        anna.locator(".composer-templates").click();
        Locator search = anna.locator(".quick-reply-search input");
        search.fill(title.substring(0, 12));
        Locator item = anna.locator(".quick-reply-item").filter(new Locator.FilterOptions().setHasText(title));
        assertThat(item).isVisible();
        screenshot(anna, "quick-reply-picker");
        item.click();

        String filled = "Good morning! Hello " + client + ", this is Anna Shevchenko.";
        assertThat(input).hasValue(filled);
        assertThat(anna.locator(".message-manager")).hasCount(0);

        input.press("End");
        input.pressSequentially(" How can I help?");
        input.press("Enter");

        assertThat(anna.locator(".message-manager")).containsText(filled + " How can I help?");
        assertThat(input).hasValue("");
        screenshot(anna, "quick-reply-sent");

        // The keyboard way: "/shortcut" at the start opens the list, arrows choose, Enter inserts.
        // Typed at full speed: letters that reach the input before the list takes the focus must not be lost.
        input.pressSequentially("/" + shortcut);
        assertThat(search).hasValue(shortcut);
        assertThat(item).isVisible();
        screenshot(anna, "quick-reply-slash");
        anna.keyboard().press("ArrowDown");
        anna.keyboard().press("ArrowUp");
        anna.keyboard().press("Enter");
        assertThat(item).isHidden();
        assertThat(input).hasValue("Hello " + client + ", this is Anna Shevchenko.");
        assertThat(anna.locator(".message-manager")).hasCount(1);
    }
}
