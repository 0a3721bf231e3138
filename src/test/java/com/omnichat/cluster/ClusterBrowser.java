package com.omnichat.cluster;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium through Playwright (as the e2e tests launch it), and what staff do in it on
 * a node: sign in, connect a Telegram bot in Administration → Channels, register its webhook,
 * add or deactivate a user, reply in a chat.
 */
public final class ClusterBrowser implements AutoCloseable {

    private final Playwright playwright;
    private final Browser browser;

    public ClusterBrowser() {
        // Generous: the nodes share two cores with the browser; assertions still wait on conditions.
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        // Never download a browser: use the system's Chromium.
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Paths.get(System.getProperty("omnichat.chromium", "/usr/bin/chromium")))
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync")));
    }

    /** A fresh window (its own cookies, so its own session) in English. */
    public Page newPage() {
        BrowserContext context = browser.newContext(
                new Browser.NewContextOptions().setViewportSize(1600, 1000).setLocale("en-US"));
        // Generous: the first page of a node compiles its views while the machine is busy.
        context.setDefaultTimeout(60_000);
        return context.newPage();
    }

    public static void signIn(Page page, AppNode node, String login, String password) {
        page.navigate(node.url("/login"));
        waitForVaadin(page);
        page.locator("vaadin-login-form input[name=username]").fill(login);
        page.locator("vaadin-login-form input[name=password]").fill(password);
        page.locator("vaadin-login-form")
                .getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Sign in").setExact(true))
                .click();
        page.waitForURL(url -> !url.contains("/login"));
        page.locator("vaadin-side-nav").waitFor();
    }

    /** Administration → Channels → Add channel: a Telegram bot with its token, in the given mode. */
    public static void connectTelegram(Page admin, AppNode node, String name, String token, String mode) {
        admin.navigate(node.url("/admin/channels"));
        waitForVaadin(admin);
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add channel"))
                .click();
        Locator dialog = admin.locator("vaadin-dialog[opened]");
        dialog.locator("vaadin-text-field")
                .filter(new Locator.FilterOptions().setHasText("Name"))
                .locator("input")
                .fill(name);
        if (!"Webhook".equals(mode)) {
            dialog.locator("vaadin-select")
                    .filter(new Locator.FilterOptions().setHasText("Connection"))
                    .click();
            admin.locator("vaadin-select-item")
                    .filter(new Locator.FilterOptions().setHasText(mode))
                    .click();
        }
        dialog.locator("vaadin-password-field input").fill(token);
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(admin.locator("vaadin-dialog[opened]")).hasCount(0);
        assertThat(gridCell(admin, name)).isVisible();
    }

    /** Opens the channel and presses "Register webhook" on its Status tab (Telegram then calls this node). */
    public static void registerWebhook(Page admin, AppNode node, String name) {
        admin.navigate(node.url("/admin/channels"));
        waitForVaadin(admin);
        gridCell(admin, name).click();
        Locator dialog = admin.locator("vaadin-dialog[opened]");
        dialog.getByRole(AriaRole.TAB, new Locator.GetByRoleOptions().setName("Status"))
                .click();
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Register webhook"))
                .click();
        // The notification (the Status tab has a "Webhook registered" label too).
        assertThat(admin.getByText("Webhook registered: http")).isVisible();
    }

    /** Administration → Users → New user: a manager. */
    public static void addManager(Page admin, AppNode node, String login, String fullName, String password) {
        admin.navigate(node.url("/admin/users"));
        waitForVaadin(admin);
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New user"))
                .click();
        Locator dialog = admin.locator("vaadin-dialog[opened]");
        dialog.locator("vaadin-text-field")
                .filter(new Locator.FilterOptions().setHasText("Login"))
                .locator("input")
                .fill(login);
        dialog.locator("vaadin-text-field")
                .filter(new Locator.FilterOptions().setHasText("Full name"))
                .locator("input")
                .fill(fullName);
        dialog.locator("vaadin-password-field input").fill(password);
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(admin.locator("vaadin-dialog[opened]")).hasCount(0);
        assertThat(gridCell(admin, fullName)).isVisible();
    }

    /** Administration → Users → the user → clears "Active" → Save. */
    public static void deactivate(Page admin, AppNode node, String fullName) {
        admin.navigate(node.url("/admin/users"));
        waitForVaadin(admin);
        gridCell(admin, fullName).click();
        Locator dialog = admin.locator("vaadin-dialog[opened]");
        dialog.locator("vaadin-checkbox")
                .filter(new Locator.FilterOptions().setHasText("Active"))
                .locator("input")
                .uncheck();
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(admin.locator("vaadin-dialog[opened]")).hasCount(0);
    }

    /** Opens the chat (its link, as a copied one) and sends a reply with Enter. */
    public static void reply(Page page, AppNode node, long conversationId, String client, String text) {
        page.navigate(node.url("/chats/" + conversationId));
        assertThat(page.locator(".chat-header .client-name")).hasText(client);
        Locator input = page.locator(".composer vaadin-text-area textarea");
        input.fill(text);
        input.press("Enter");
        assertThat(page.locator(".message-manager").filter(new Locator.FilterOptions().setHasText(text)))
                .isVisible();
    }

    static Locator gridCell(Page page, String text) {
        return page.locator("vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText(text))
                .first();
    }

    /** Waits until Vaadin has started and has no server round trip in progress. */
    public static void waitForVaadin(Page page) {
        page.waitForFunction("""
                () => !!window.Vaadin && !!window.Vaadin.Flow && !!window.Vaadin.Flow.clients
                      && Object.keys(window.Vaadin.Flow.clients).length > 0
                      && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())""");
    }

    public static void screenshot(Page page, String name) {
        try {
            Path dir = Paths.get("target", "cluster");
            Files.createDirectories(dir);
            page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name + ".png")));
        } catch (Exception e) {
            // A screenshot is for diagnosis only.
        }
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
