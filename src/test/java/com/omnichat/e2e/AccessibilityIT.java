package com.omnichat.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.omnichat.base.LanguageChanged;
import com.omnichat.base.SystemAccess;
import com.omnichat.base.TranslationProvider;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.channel.ChannelService;
import com.omnichat.channel.ClientProfile;
import com.omnichat.channel.InboundMessage;
import com.omnichat.chat.InboxService;
import com.omnichat.chat.MessageIngestion;
import com.omnichat.user.StaffMember;
import com.omnichat.user.UserService;
import com.vaadin.flow.router.Route;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Accessibility as axe-core judges it: no serious or critical violation on any view (every
 * {@code @Route}) or dialog, on a desktop and a small laptop screen, in English and in
 * Ukrainian; and the chats page works with the keyboard alone.
 */
class AccessibilityIT extends BrowserTest {

    /** Every route of the application and the page the test opens for it ({id} placeholders filled in per run). */
    private static final Map<String, String> ROUTES = Map.ofEntries(
            Map.entry("login", "/login"),
            Map.entry("chats/:conversationId?([0-9]{1,18})", "/chats /chats/{chat}"),
            Map.entry("clients", "/clients"),
            Map.entry("clients/:clientId([0-9]{1,18})", "/clients/{client}"),
            Map.entry("requests", "/requests"),
            Map.entry("orders", "/orders"),
            Map.entry("quick-replies", "/quick-replies"),
            Map.entry("admin/users", "/admin/users"),
            Map.entry("admin/roles", "/admin/roles"),
            Map.entry("admin/channels", "/admin/channels"),
            Map.entry("admin/quick-replies", "/admin/quick-replies"),
            Map.entry("admin/products", "/admin/products"));

    @Autowired
    MessageIngestion ingestion;

    @Autowired
    ChannelService channels;

    @Autowired
    InboxService inbox;

    @Autowired
    UserService users;

    @Autowired
    TranslationProvider translations;

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void everyRouteOfTheApplicationIsChecked() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        Set<String> routes = new TreeSet<>();
        for (var candidate : scanner.findCandidateComponents("com.omnichat")) {
            try {
                routes.add(Class.forName(candidate.getBeanClassName())
                        .getAnnotation(Route.class)
                        .value());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        Assertions.assertThat(ROUTES.keySet())
                .as("views the accessibility test opens (add a new view to ROUTES)")
                .containsExactlyInAnyOrderElementsOf(routes);
    }

    @ParameterizedTest(name = "{0}x{1} {2}")
    @CsvSource({"1920, 1080, en", "1024, 768, en", "1920, 1080, uk", "1024, 768, uk"})
    void noSeriousOrCriticalViolationOnAnyViewOrDialog(int width, int height, String language) {
        Locale locale = Locale.of(language);
        String where = width + "x" + height + " " + language;
        Map<String, List<String>> violations = new LinkedHashMap<>();

        // The sign-in page speaks the browser's language.
        Page login = newPage(width, height, language.equals("uk") ? "uk-UA" : "en-US", false);
        login.navigate(url("/login"));
        assertThat(login.locator("vaadin-login-form")).isVisible();
        record(violations, "/login", login);

        // A lead of this run (no phone or e-mail yet): his chat, card, "choose buyer".
        String name = "A11y Lead " + System.nanoTime();
        ChannelInfo telegram = SystemAccess.call(() -> channels.myChannels().stream()
                .filter(c -> c.name().startsWith("Telegram"))
                .findFirst()
                .orElseThrow());
        long chat = ingestion
                .receive(InboundMessage.text(
                        telegram.id(),
                        new ClientProfile("a11y-" + name, name, "a11y_lead", null),
                        "a11y-" + name,
                        "Hello, a question",
                        Instant.now()))
                .conversationId();
        long client = SystemAccess.call(() -> inbox.get(chat).clientId());

        StaffMember admin = SystemAccess.call(() -> users.activeStaff().stream()
                .filter(m -> m.login().equals("admin"))
                .findFirst()
                .orElseThrow());
        events.publishEvent(new LanguageChanged(admin.id(), locale));
        try {
            Page page = newPage(width, height, "en-US", false);
            signIn(page, "admin");
            assertThat(page.locator("vaadin-side-nav-item").first()).containsText(t("nav.chats", locale));

            for (String paths : ROUTES.values()) {
                for (String path : paths.split(" ")) {
                    if (path.equals("/login")) {
                        continue;
                    }
                    page.navigate(url(
                            path.replace("{chat}", Long.toString(chat)).replace("{client}", Long.toString(client))));
                    page.locator(".view-title").waitFor();
                    record(violations, path, page);
                    cutOff(violations, path, page);
                    // Kept for looking at: every view at every width, in both languages.
                    screenshot(page, "view" + path.replaceAll("[^a-z]+", "-") + width + "x" + height + "-" + language);
                }
            }

            page.navigate(url("/chats"));
            dialog(violations, page, "write message", () -> {
                button(page, t("write.button", locale)).click();
                Locator clientField = page.locator("vaadin-dialog vaadin-combo-box input");
                clientField.fill(name);
                page.locator("vaadin-combo-box-item")
                        .filter(new Locator.FilterOptions().setHasText(name))
                        .first()
                        .click();
                assertThat(page.locator("vaadin-dialog vaadin-radio-group")).isVisible();
            });
            dialog(violations, page, "notification settings", () -> {
                page.locator(".user-menu-trigger").click();
                page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName(t("notify.menu", locale)))
                        .click();
            });
            page.navigate(url("/chats/" + chat));
            Locator toggleCard = page.locator(".chat-header .toggle-card");
            if (width < 1280) {
                // Below desktop width the card is an overlay, opened from the chat's top bar.
                toggleCard.click();
                assertThat(page.locator(".client-panel .client-card")).isVisible();
                record(violations, "client card overlay", page);
                cutOff(violations, "client card overlay", page);
            } else {
                assertThat(toggleCard).isHidden();
            }
            dialog(
                    violations,
                    page,
                    "choose buyer",
                    () -> button(page, t("client.choose-buyer", locale)).click());
            dialog(
                    violations,
                    page,
                    "add request",
                    () -> button(page, t("card.add-request", locale)).click());
            page.navigate(url("/admin/channels"));
            dialog(
                    violations,
                    page,
                    "channel",
                    () -> button(page, t("channels.create", locale)).click());
            page.navigate(url("/admin/users"));
            dialog(
                    violations,
                    page,
                    "user",
                    () -> button(page, t("users.create", locale)).click());
            page.navigate(url("/admin/quick-replies"));
            dialog(
                    violations,
                    page,
                    "template",
                    () -> button(page, t("quickreply.create", locale)).click());
            page.navigate(url("/admin/products"));
            dialog(
                    violations,
                    page,
                    "product",
                    () -> button(page, t("product.create", locale)).click());
            page.navigate(url("/orders"));
            dialog(violations, page, "order", () -> firstNumberedRow(page).click());
            page.navigate(url("/requests"));
            dialog(violations, page, "request", () -> firstNumberedRow(page).click());
        } finally {
            events.publishEvent(new LanguageChanged(admin.id(), admin.language()));
        }

        Assertions.assertThat(violations)
                .as(() -> "axe-core at " + where + ":\n" + describe(violations))
                .isEmpty();
    }

    @Test
    void theChatsPageWorksWithTheKeyboardAlone() {
        Page page = newPage(1920, 1080);
        signIn(page, "anna");
        page.navigate(url("/chats"));
        page.locator(".chat-row").first().waitFor();
        waitForVaadin(page);

        // Tab from the top: every stop shows where the focus is, in the order the page reads.
        List<String> stops = new ArrayList<>();
        for (int i = 0; i < 30 && !stops.contains("vaadin-grid"); i++) {
            page.keyboard().press("Tab");
            Focus focus = focus(page);
            Assertions.assertThat(focus.visible())
                    .as("visible focus on %s after %d Tab presses (%s)", focus.component(), i + 1, stops)
                    .isTrue();
            stops.add(focus.component());
        }
        Assertions.assertThat(stops)
                .as("Tab order")
                .containsSubsequence(
                        "vaadin-drawer-toggle",
                        "vaadin-side-nav-item",
                        "vaadin-button.write-button",
                        "vaadin-tab",
                        "vaadin-text-field",
                        "vaadin-multi-select-combo-box",
                        "vaadin-select",
                        "vaadin-checkbox",
                        "vaadin-grid");

        // Enter on the focused row opens the chat; Tab goes on to its header and the composer.
        page.keyboard().press("Enter");
        page.waitForURL(Pattern.compile(".*/chats/\\d+.*"));
        assertThat(page.locator(".chat-header .client-name")).isVisible();
        boolean composerReached = false;
        for (int i = 0; i < 40 && !composerReached; i++) {
            page.keyboard().press("Tab");
            Focus focus = focus(page);
            Assertions.assertThat(focus.visible())
                    .as("visible focus on %s", focus.component())
                    .isTrue();
            composerReached = focus.component().equals("vaadin-text-area.composer-input");
        }
        Assertions.assertThat(composerReached)
                .as("the composer is reached with Tab")
                .isTrue();

        // "?" (outside a text field) opens the shortcuts; Esc closes it. The same for "Write message".
        page.locator(".write-button").focus();
        page.keyboard().press("?");
        assertThat(page.locator("vaadin-dialog[opened]")).hasCount(1);
        page.keyboard().press("Escape");
        assertThat(page.locator("vaadin-dialog[opened]")).hasCount(0);
        page.locator(".write-button").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("vaadin-dialog[opened]")).hasCount(1);
        Assertions.assertThat(focus(page).component())
                .as("focus moves into the dialog")
                .isNotEqualTo("vaadin-button.write-button");
        page.keyboard().press("Escape");
        assertThat(page.locator("vaadin-dialog[opened]")).hasCount(0);
        screenshot(page, "keyboard-chats-1920x1080");
    }

    /** Where the keyboard focus is: the component around it, and whether it is drawn (focus ring or outline). */
    record Focus(String component, boolean visible) {}

    private static Focus focus(Page page) {
        @SuppressWarnings("unchecked")
        Map<String, Object> focus = (Map<String, Object>) page.evaluate("""
                () => {
                  let e = document.activeElement;
                  while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement;
                  if (!e || e === document.body) return {component: 'body', visible: false};
                  const up = [];
                  for (let x = e; x; x = x.parentElement || (x.getRootNode() instanceof ShadowRoot ? x.getRootNode().host : null)) up.push(x);
                  const host = up.find(n => n.tagName.includes('-') && !n.tagName.endsWith('-VALUE-BUTTON')) || e;
                  const style = getComputedStyle(e);
                  const drawn = e.matches(':focus-visible') && ((style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
                      || style.boxShadow !== 'none');
                  const ring = up.some(n => n.hasAttribute('focus-ring') || (n.tagName === 'VAADIN-GRID' && n.hasAttribute('navigating')));
                  const cls = typeof host.className === 'string' && host.className ? '.' + host.className.split(' ')[0] : '';
                  return {component: host.tagName.toLowerCase() + cls, visible: ring || drawn};
                }""");
        String component = (String) focus.get("component");
        // Class names only where the test asks for them.
        if (!component.startsWith("vaadin-button.write-button")
                && !component.startsWith("vaadin-text-area.composer-input")) {
            component = component.replaceFirst("\\..*", "");
        }
        return new Focus(component, Boolean.TRUE.equals(focus.get("visible")));
    }

    private void record(Map<String, List<String>> violations, String what, Page page) {
        List<String> found = accessibilityViolations(page);
        if (!found.isEmpty()) {
            violations.put(what, found);
            screenshot(page, "a11y-" + what.replaceAll("[^A-Za-z0-9]+", "-"));
        }
    }

    /**
     * Nothing of the page is cut off at the sides: every visible button, field, tab and menu
     * (outside grids, which scroll) lies within the window's width.
     */
    private static void cutOff(Map<String, List<String>> violations, String what, Page page) {
        @SuppressWarnings("unchecked")
        List<String> outside = (List<String>) page.evaluate("""
                () => [...document.querySelectorAll('vaadin-button, vaadin-text-field, vaadin-select, vaadin-combo-box,'
                      + ' vaadin-multi-select-combo-box, vaadin-menu-bar, vaadin-drawer-toggle, vaadin-tab, vaadin-checkbox')]
                  .filter(e => !e.closest('vaadin-grid') && e.checkVisibility({visibilityProperty: true}))
                  .filter(e => { const r = e.getBoundingClientRect();
                                 return r.width > 0 && (r.left < -1 || r.right > window.innerWidth + 1); })
                  .map(e => e.tagName.toLowerCase() + ' "' + (e.getAttribute('aria-label') || e.textContent || '').trim()
                      .substring(0, 40) + '" spans ' + Math.round(e.getBoundingClientRect().left) + '..'
                      + Math.round(e.getBoundingClientRect().right) + ' px of ' + window.innerWidth)""");
        if (!outside.isEmpty()) {
            violations.computeIfAbsent(what, k -> new ArrayList<>()).add("cut off at the side: " + outside);
        }
    }

    /** Opens a dialog, checks the page with it, and closes it with Esc. */
    private void dialog(Map<String, List<String>> violations, Page page, String what, Runnable open) {
        waitForVaadin(page);
        open.run();
        Locator dialog = page.locator("vaadin-dialog[opened]");
        assertThat(dialog).hasCount(1);
        waitForVaadin(page);
        record(violations, "dialog " + what, page);
        cutOff(violations, "dialog " + what, page);
        page.keyboard().press("Escape");
        assertThat(dialog).hasCount(0);
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName(name).setExact(true))
                .first();
    }

    /** The first row of a requests or orders grid (its number cell, "#1001"). */
    private static Locator firstNumberedRow(Page page) {
        return page.locator("vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText(Pattern.compile("^\\s*#\\d+\\s*$")))
                .first();
    }

    private String t(String key, Locale locale) {
        return translations.getTranslation(key, locale);
    }

    private static String describe(Map<String, List<String>> violations) {
        StringBuilder text = new StringBuilder();
        violations.forEach((what, found) -> {
            text.append(what).append(":\n");
            found.forEach(v -> text.append("  - ").append(v).append('\n'));
        });
        return text.toString();
    }
}
