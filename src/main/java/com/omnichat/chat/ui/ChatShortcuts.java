package com.omnichat.chat.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;

/**
 * The chats page's keyboard shortcuts, on the whole page while it is shown. Alt+letter
 * works while typing and goes by key position ({@code KeyN}), so any keyboard layout; "?"
 * only outside text fields, where it is a character (the page script stops it there).
 */
final class ChatShortcuts {

    /** What the shortcuts do. */
    interface Actions {
        void openNextUnread();

        void focusSearch();

        void toggleNoteMode();

        void closeOrReopen();

        void showHelp();
    }

    private ChatShortcuts() {}

    /** Registers the shortcuts for as long as the page is attached. */
    static void register(Component page, Actions actions) {
        Shortcuts.addShortcutListener(page, actions::openNextUnread, Key.KEY_N, KeyModifier.ALT);
        Shortcuts.addShortcutListener(page, actions::focusSearch, Key.KEY_F, KeyModifier.ALT);
        Shortcuts.addShortcutListener(page, actions::toggleNoteMode, Key.KEY_M, KeyModifier.ALT);
        Shortcuts.addShortcutListener(page, actions::closeOrReopen, Key.KEY_C, KeyModifier.ALT);
        // Most layouts type "?" with Shift; a synthetic or on-screen keyboard may not report it.
        Shortcuts.addShortcutListener(page, actions::showHelp, HELP, KeyModifier.SHIFT);
        Shortcuts.addShortcutListener(page, actions::showHelp, HELP);
    }

    static final Key HELP = Key.of("?");
}
