package com.omnichat.base.ui;

import com.vaadin.flow.dom.Element;

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
 * Runs once per page on the layout and follows every element added later (dialogs, views).
 * Remove it when an upgrade of Vaadin makes the accessibility test pass without it.
 */
final class ComponentAriaFixes {

    private static final String SCRIPT = """
            if (window.$omnichatAriaFixes) return;
            window.$omnichatAriaFixes = true;
            const fixItem = async item => {
              await customElements.whenDefined('vaadin-side-nav-item');
              if (item.updateComplete) await item.updateComplete;
              const button = item.shadowRoot && item.shadowRoot.querySelector('[aria-controls="children"]');
              const list = item.shadowRoot && item.shadowRoot.querySelector('[part="children"]');
              if (button && list && !list.id) list.id = 'children';
            };
            const fixTabs = async tabs => {
              await customElements.whenDefined('vaadin-tabs');
              if (tabs.updateComplete) await tabs.updateComplete;
              const scroll = tabs.shadowRoot && tabs.shadowRoot.querySelector('#scroll[tabindex]');
              if (scroll) scroll.removeAttribute('tabindex');
            };
            const fixAll = () => {
              document.querySelectorAll('vaadin-side-nav-item').forEach(fixItem);
              document.querySelectorAll('vaadin-tabs').forEach(fixTabs);
            };
            let pending = false;
            new MutationObserver(() => {
              if (!pending) {
                pending = true;
                requestAnimationFrame(() => { pending = false; fixAll(); });
              }
            }).observe(document.body, {childList: true, subtree: true});
            fixAll();
            """;

    private ComponentAriaFixes() {}

    static void install(Element layout) {
        layout.executeJs(SCRIPT);
    }
}
