package com.omnichat.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/** The keyboard shortcuts reach the server from a real browser: "?" outside fields, Alt+letter inside. */
class KeyboardShortcutsIT extends BrowserTest {

    @Test
    void questionMarkShowsTheHelpAndAltMTogglesNoteModeWhileTyping() {
        Page anna = newPage(1280, 800);
        signIn(anna, "anna");
        anna.navigate(url("/chats"));
        anna.locator(".chat-row").first().click();
        assertThat(anna.locator(".composer")).isVisible();
        waitForVaadin(anna);

        anna.locator("body").press("?");
        // By class, not by text: another journey may have switched anna to Ukrainian.
        assertThat(anna.locator(".shortcut-rows")).isVisible();
        screenshot(anna, "shortcuts-help");
        anna.keyboard().press("Escape");
        assertThat(anna.locator(".shortcut-rows")).isHidden();

        anna.locator(".composer vaadin-text-area textarea").click();
        anna.keyboard().type("Is that a question?");
        assertThat(anna.locator(".shortcut-rows")).isHidden();
        anna.keyboard().press("Alt+KeyM");
        assertThat(anna.locator(".composer.note-mode")).isVisible();
    }
}
