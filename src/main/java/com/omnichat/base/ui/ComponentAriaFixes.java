package com.omnichat.base.ui;

import com.vaadin.flow.component.UI;

/**
 * Repairs two ARIA defects inside Vaadin 25.2's own components that axe-core reports as
 * critical on every page, and that no Java API reaches (they sit in the components' shadow
 * roots):
 * <ul>
 * <li>{@code vaadin-side-nav-item}: its toggle button says {@code aria-controls="children"},
 * but the list of child items it opens has no such id ({@code aria-valid-attr-value}); the
 * list gets the id the button names.</li>
 * <li>{@code vaadin-tabs}: the tabs sit in a scroll container with {@code tabindex="-1"}, a
 * focusable element between the tab list and its tabs ({@code aria-required-children});
 * the container loses the tabindex, which only kept it out of the Tab order it is not in
 * anyway (its tabs are focusable).</li>
 * </ul>
 * Runs once per page and follows every element added later (dialogs, views).
 * Remove it when an upgrade of Vaadin makes the accessibility test pass without it.
 */
final class ComponentAriaFixes {

    /** The fixes themselves, in the browser; loaded once per page. */
    static final String SCRIPT = "context://js/aria-fixes.js";

    private ComponentAriaFixes() {}

    static void install(UI ui) {
        ui.getPage().addJavaScript(SCRIPT);
    }
}
