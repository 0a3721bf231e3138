package com.omnichat.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The administrator opens Administration → Users and sees the staff. */
class AdministratorJourneyIT extends BrowserTest {

    @Test
    void administratorOpensUsersAndSeesTheDemoStaff() {
        Page page = newPage(1920, 1080);
        signIn(page, "admin");

        Locator administration =
                page.locator("vaadin-side-nav-item").filter(new Locator.FilterOptions().setHasText("Administration"));
        assertThat(administration).isVisible();
        page.locator("vaadin-side-nav-item")
                .filter(new Locator.FilterOptions().setHasText("Users"))
                .last()
                .click();

        page.waitForURL(Pattern.compile(".*/admin/users$"));
        Locator grid = page.locator("vaadin-grid");
        page.waitForFunction("() => document.querySelector('vaadin-grid')?.size === 3");
        for (String name : new String[] {"Olena Kovalenko", "Anna Shevchenko", "Max Petrenko"}) {
            assertThat(cell(grid, Pattern.compile(name))).isVisible();
        }
        for (String login : new String[] {"admin", "anna", "max"}) {
            assertThat(cell(grid, Pattern.compile("^\\s*" + login + "\\s*$"))).isVisible();
        }
        assertThat(page.locator(".view-title")).hasText("Users");
        waitForVaadin(page);
        screenshot(page, "admin-users-1920x1080");
        page.setViewportSize(1024, 768);
        screenshot(page, "admin-users-1024x768");
    }

    private static Locator cell(Locator grid, Pattern text) {
        return grid.locator("vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText(text))
                .first();
    }
}
