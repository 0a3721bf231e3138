package com.omnichat.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.omnichat.channel.FakeProviderServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * End-to-end tests: the application on a random port (profile {@code test}, demo users
 * admin/anna/max) driven by Debian's Chromium through Playwright. All subclasses share one
 * application context; each test class starts one browser, each test a fresh browser context.
 * The providers' base URLs point at their fakes on loopback ({@link FakeProviderServers}).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"omnichat.demo-data=true", "omnichat.channels.workers=true"})
@ActiveProfiles("test")
@Import(FakeProviderServers.Urls.class)
@ExtendWith(UsersAsFound.class)
abstract class BrowserTest {

    static final String DEMO_PASSWORD = "demo-pass-2026";
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;

    private final java.util.List<BrowserContext> contexts = new java.util.ArrayList<>();

    @BeforeAll
    static void startBrowser() {
        // What the page shows after a background step (a delivery, a live event) can take more than
        // Playwright's 5 s on a busy 2-core machine; the assertions still wait on the condition.
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
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

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    /** What the browser reported as blocked by the pages' Content-Security-Policy, in any window of the test. */
    private final java.util.List<String> policyViolations = new java.util.concurrent.CopyOnWriteArrayList<>();

    @AfterEach
    void closeContext() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
        // Every journey also proves the policy lets the application work: nothing it needs was refused.
        org.assertj.core.api.Assertions.assertThat(policyViolations)
                .as("Content-Security-Policy violations")
                .isEmpty();
    }

    /** A fresh browser window (no cookies, its own session) in English with the given viewport. */
    Page newPage(int width, int height) {
        BrowserContext context = browser.newContext(
                new Browser.NewContextOptions().setViewportSize(width, height).setLocale("en-US"));
        // Generous: the first page of a run compiles views and the machine may be busy; assertions still wait on
        // conditions.
        context.setDefaultTimeout(45_000);
        context.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                policyViolations.add(message.text());
            }
        });
        contexts.add(context);
        return context.newPage();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Opens the start page, is sent to the login form, signs in and waits for the layout. */
    void signIn(Page page, String login) {
        // Kept for the failure message: where the browser went, and every redirect on the way.
        List<String> navigations = new ArrayList<>();
        page.onFrameNavigated(frame -> {
            if (frame.parentFrame() == null) {
                navigations.add(frame.url());
            }
        });
        page.onResponse(r -> {
            if (r.request().isNavigationRequest() || r.status() >= 300) {
                navigations.add(r.request().method() + " " + r.request().resourceType() + " " + r.url() + " -> "
                        + r.status() + (r.status() >= 300 && r.status() < 400 ? " " + r.headerValue("location") : ""));
            }
        });
        // No retry: landing on the login form again after signing in was a real bug (the service
        // worker's precache requests with the login page's cookie; see SignInRaceIT) and must show.
        submitLogin(page, login);
        try {
            page.waitForURL(url -> !url.contains("/login"));
            // Attached, not visible: on a tablet the chats page starts with the drawer closed.
            page.locator("vaadin-side-nav")
                    .waitFor(new Locator.WaitForOptions()
                            .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
        } catch (PlaywrightException e) {
            screenshot(page, "failed-sign-in-" + login);
            throw new AssertionError(
                    "Sign-in as " + login + " did not reach the layout; the page is at " + page.url()
                            + "\nnavigations: " + navigations,
                    e);
        }
    }

    private void submitLogin(Page page, String login) {
        page.navigate(url("/"));
        page.waitForURL(Pattern.compile(".*/login(\\?.*)?$"));
        waitForVaadin(page);
        Locator username = page.locator("vaadin-login-form input[name=username]");
        Locator password = page.locator("vaadin-login-form input[name=password]");
        username.fill(login);
        password.fill(DEMO_PASSWORD);
        assertThat(username).hasValue(login);
        assertThat(password).hasValue(DEMO_PASSWORD);
        page.locator("vaadin-login-form")
                .getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Sign in").setExact(true))
                .click();
    }

    /** Waits until the image has loaded (or failed) and tells whether it shows something. */
    static boolean imageLoaded(Page page, String selector) {
        Locator image = page.locator(selector);
        image.waitFor();
        page.waitForFunction("sel => document.querySelector(sel).complete", selector);
        return (Boolean) image.evaluate("img => img.naturalWidth > 0");
    }

    /** Waits until Vaadin has started and has no server round trip in progress. */
    static void waitForVaadin(Page page) {
        page.waitForFunction("""
                () => !!window.Vaadin && !!window.Vaadin.Flow && !!window.Vaadin.Flow.clients
                      && Object.keys(window.Vaadin.Flow.clients).length > 0
                      && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())""");
    }

    Path screenshot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Path file = SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(false));
        return file;
    }

    // ---- accessibility (axe-core) and device emulation ----

    private static String axeSource;

    /** A fresh browser window as {@link #newPage(int, int)}, with the browser's language and touch chosen. */
    Page newPage(int width, int height, String locale, boolean touch) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(width, height)
                .setLocale(locale)
                .setHasTouch(touch)
                .setIsMobile(false));
        context.setDefaultTimeout(45_000);
        context.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                policyViolations.add(message.text());
            }
        });
        contexts.add(context);
        return context.newPage();
    }

    /**
     * Runs axe-core (the npm package's {@code axe.min.js}, a test resource) on the page as it is
     * now, open dialogs included, and returns its serious and critical violations, one readable
     * entry each: rule, impact, what it asks for, and every element it found (selector, why).
     */
    List<String> accessibilityViolations(Page page) {
        waitForVaadin(page);
        if (!(Boolean) page.evaluate("() => !!window.axe")) {
            page.addScriptTag(new Page.AddScriptTagOptions().setContent(axeSource()));
        }
        List<String> found = runAxe(page);
        if (!found.isEmpty()) {
            // An overlay's fade-in may start a frame after the check for running animations: a
            // half-transparent button then fails colour contrast. A real violation is found again.
            found = runAxe(page);
        }
        return found;
    }

    private static List<String> runAxe(Page page) {
        // A dialog fading in or a drawer sliding is judged as it ends, not half-transparent.
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
        page.waitForFunction("() => document.getAnimations().every(a => a.playState !== 'running'"
                + " || (a.effect && a.effect.getTiming().iterations === Infinity))");
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) page.evaluate("""
                async () => {
                  const result = await axe.run(document, {resultTypes: ['violations']});
                  return result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' (' + v.helpUrl + ')\\n'
                      + v.nodes.map(n => '      at ' + JSON.stringify(n.target) + ': '
                        + (n.failureSummary || '').replace(/\\s*\\n\\s*/g, ' ')).join('\\n'));
                }""");
        return found;
    }

    /** Fails, listing every serious or critical axe-core violation, unless the page has none. */
    void assertAccessible(Page page, String where) {
        List<String> violations = accessibilityViolations(page);
        if (!violations.isEmpty()) {
            screenshot(page, "a11y-" + where.replaceAll("[^A-Za-z0-9]+", "-"));
            throw new AssertionError("axe-core: " + violations.size() + " serious or critical violation(s) on " + where
                    + "\n  - " + String.join("\n  - ", violations));
        }
    }

    private static synchronized String axeSource() {
        if (axeSource == null) {
            try (var in = BrowserTest.class.getResourceAsStream("/axe/axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException("axe/axe.min.js is missing from the test resources");
                }
                axeSource = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return axeSource;
    }
}
