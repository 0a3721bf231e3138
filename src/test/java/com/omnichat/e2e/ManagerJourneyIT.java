package com.omnichat.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** A manager's first day: signs in, finds the chats, switches to Ukrainian. */
class ManagerJourneyIT extends BrowserTest {

    @Test
    void managerSignsInSeesTheWorkspaceAndSwitchesToUkrainian() {
        Page page = newPage(1024, 768);

        signIn(page, "anna");

        // At this width the chats page starts with the drawer closed; its toggle opens it.
        Locator nav = page.locator("vaadin-side-nav");
        assertThat(nav).isHidden();
        page.locator("vaadin-drawer-toggle").click();
        assertThat(nav.locator("vaadin-side-nav-item").filter(new Locator.FilterOptions().setHasText("Chats")))
                .isVisible();
        assertThat(nav.locator("vaadin-side-nav-item").filter(new Locator.FilterOptions().setHasText("Orders")))
                .isVisible();
        assertThat(nav.locator("vaadin-side-nav-item").filter(new Locator.FilterOptions().setHasText("Administration")))
                .hasCount(0);
        assertThat(page.locator(".view-title")).hasText("Chats");
        assertThat(page.getByText("Choose a chat")).isVisible();
        assertThat(page.locator(".user-menu")).containsText("Anna Shevchenko");
        Assertions.assertThat(imageLoaded(page, ".brand-logo"))
                .as("the logo in the drawer shows")
                .isTrue();
        page.keyboard().press("Escape");
        assertThat(nav).isHidden();

        waitForVaadin(page);
        screenshot(page, "manager-1024x768");
        page.setViewportSize(1920, 1080);
        screenshot(page, "manager-1920x1080");

        page.locator(".user-menu-trigger").click();
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Language"))
                .click();
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Українська"))
                .click();

        // The page reloads in Ukrainian.
        assertThat(nav.locator("vaadin-side-nav-item").first()).containsText("Чати");
        assertThat(page.locator(".view-title")).hasText("Чати");
        assertThat(page.getByText("Оберіть чат")).isVisible();
        waitForVaadin(page);
        screenshot(page, "manager-uk-1920x1080");
    }

    @Test
    void progressiveWebAppFilesAreServedToAnyone() throws Exception {
        HttpResponse<String> manifest = get("/manifest.webmanifest");
        Assertions.assertThat(manifest.statusCode()).isEqualTo(200);
        Assertions.assertThat(manifest.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> Assertions.assertThat(type).contains("manifest+json"));
        Assertions.assertThat(manifest.body())
                .contains("\"name\"", "Omnichat", "\"start_url\"", "\"icons\"", "\"display\"");

        HttpResponse<String> serviceWorker = get("/sw.js");
        Assertions.assertThat(serviceWorker.statusCode()).isEqualTo(200);
        Assertions.assertThat(serviceWorker.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> Assertions.assertThat(type).contains("javascript"));
        Assertions.assertThat(serviceWorker.body()).contains("workbox", "sw-runtime-resources-precache.js");

        HttpResponse<String> precache = get("/sw-runtime-resources-precache.js");
        Assertions.assertThat(precache.statusCode()).isEqualTo(200);
        Assertions.assertThat(precache.body())
                .as("the offline page is precached")
                .contains("offline.html", "manifest.webmanifest");

        HttpResponse<String> icon = get("/icons/icon.png");
        Assertions.assertThat(icon.statusCode()).isEqualTo(200);
        Assertions.assertThat(icon.headers().firstValue("Content-Type")).hasValue("image/png");

        HttpResponse<String> offline = get("/offline.html");
        Assertions.assertThat(offline.statusCode()).isEqualTo(200);
        Assertions.assertThat(offline.body()).contains("You are offline");
    }

    @Test
    void loginPageShowsLogoAndLinksTheManifest() {
        Page page = newPage(1024, 768);
        var response = page.navigate(url("/login"));
        // The page's policy: this origin only, never framed (a violation would fail the test, see BrowserTest).
        Assertions.assertThat(response.headerValue("content-security-policy"))
                .contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'");
        assertThat(page.locator("vaadin-login-form")).isVisible();
        assertThat(page.locator("input[name=username]")).isVisible();
        waitForVaadin(page);

        assertThat(page.locator("link[rel=manifest]"))
                .hasAttribute("href", java.util.regex.Pattern.compile(".*manifest\\.webmanifest$"));
        Assertions.assertThat(imageLoaded(page, ".login-logo"))
                .as("the logo on the login page shows")
                .isTrue();
        screenshot(page, "login-1024x768");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(
                    HttpRequest.newBuilder(URI.create(url(path))).GET().build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
