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
import com.omnichat.sales.ProductDraft;
import com.omnichat.sales.ProductService;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A new lead writes; the manager opens the chat, gives the lead's phone, saves him as a
 * buyer, adds an order with a catalogue product and a free-text line, sees it among the
 * card's active orders with the right total and opens it again by its number.
 */
class OrderFromChatJourneyIT extends BrowserTest {

    @Autowired
    MessageIngestion ingestion;

    @Autowired
    ChannelService channels;

    @Autowired
    ProductService products;

    @Test
    void managerSavesTheLeadAsBuyerAndTakesAnOrderFromTheChat() {
        // Own product and phone: other tests (and earlier runs) share the database.
        String product = "Peonies E2E " + System.nanoTime();
        BigDecimal productPrice = new BigDecimal("1350.00");
        String sku = "E2E-" + System.nanoTime();
        SystemAccess.call(() -> products.create(new ProductDraft(product, sku, productPrice, true)));
        String client = "Order Client " + System.nanoTime();
        String phone = "+38067" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
        ChannelInfo telegram = SystemAccess.call(() -> channels.myChannels().stream()
                .filter(c -> c.name().startsWith("Telegram"))
                .findFirst()
                .orElseThrow());
        long chat = ingestion
                .receive(InboundMessage.text(
                        telegram.id(),
                        new ClientProfile("e2e-order-" + client, client, null, null),
                        "e2e-order-" + client,
                        "I would like to order flowers",
                        Instant.now()))
                .conversationId();

        Page page = newPage(1920, 1080);
        signIn(page, "anna");
        page.navigate(url("/chats/" + chat));
        Locator card = page.locator(".client-panel .client-card");
        assertThat(card.locator(".client-name")).hasText(client);
        assertThat(card.locator(".client-status")).hasText("Lead");
        assertThat(card.locator(".card-orders")).hasCount(0);
        waitForVaadin(page);
        screenshot(page, "order-journey-lead");

        Locator phoneInput = card.locator(".client-phone input");
        phoneInput.fill(phone);
        phoneInput.press("Enter");
        assertThat(systemMessage(page, "phone:")).isVisible();
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save buyer"))
                .click();
        assertThat(card.locator(".client-status")).hasText("Buyer");
        assertThat(card.locator(".card-orders .card-section-empty")).hasText("No active orders");

        card.locator(".card-orders")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add order"))
                .click();
        Locator form = page.locator(".order-form");
        Locator lines = form.locator(".order-line:not(.order-lines-head)");
        assertThat(lines).hasCount(1);

        // Line 1: the catalogue product brings its price; two of it.
        Locator article = lines.nth(0).locator("vaadin-combo-box input");
        article.fill(product);
        page.locator("vaadin-combo-box-item")
                .filter(new Locator.FilterOptions().setHasText(product))
                .click();
        assertThat(lines.nth(0).locator(".order-line-price input")).hasValue(productPrice.toPlainString());
        lines.nth(0).locator(".order-line-quantity input").fill("2");

        // Line 2: free text with its own price.
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add line"))
                .click();
        assertThat(lines).hasCount(2);
        Locator text = lines.nth(1).locator("vaadin-combo-box input");
        text.fill("Hand-tied ribbon");
        text.press("Enter");
        // Something picked means one of it. Waiting for it also keeps typing from racing the
        // server's "1" (typed "1" + set "1" once made eleven).
        assertThat(lines.nth(1).locator(".order-line-quantity input")).hasValue("1");
        BigDecimal ribbonPrice = new BigDecimal("120.50");
        lines.nth(1).locator(".order-line-price input").fill(ribbonPrice.toPlainString());

        BigDecimal total = productPrice.multiply(BigDecimal.valueOf(2)).add(ribbonPrice);
        String money = money(total);
        assertThat(form.locator(".order-total")).hasText("Total: " + money);
        waitForVaadin(page);
        screenshot(page, "order-journey-new-order");
        form.getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Save").setExact(true))
                .click();
        assertThat(form).hasCount(0);

        Locator row = card.locator(".card-orders .card-row");
        assertThat(row).hasCount(1);
        assertThat(row.locator(".card-row-amount")).hasText(money);
        String number = row.locator(".card-row-number").textContent();
        assertThat(systemMessage(page, "created order " + number)).isVisible();
        waitForVaadin(page);
        screenshot(page, "order-journey-buyer-card");

        row.locator(".card-row-number").click();
        // The dialog element itself has no box of its own; its title names the order.
        assertThat(form).hasAttribute("aria-label", "Order " + number + " · " + client);
        assertThat(lines).hasCount(2);
        assertThat(lines.nth(0).locator("vaadin-combo-box input")).hasValue(product + " · " + sku);
        assertThat(lines.nth(0).locator(".order-line-quantity input")).hasValue("2");
        assertThat(lines.nth(1).locator("vaadin-combo-box input")).hasValue("Hand-tied ribbon");
        assertThat(form.locator(".order-total")).hasText("Total: " + money);
        waitForVaadin(page);
        screenshot(page, "order-journey-opened-order");
    }

    private static Locator systemMessage(Page page, String text) {
        return page.locator(".message-system").filter(new Locator.FilterOptions().setHasText(text));
    }

    private static String money(BigDecimal amount) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.US);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(amount);
    }
}
