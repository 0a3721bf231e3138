package com.omnichat.chat.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** The keyboard shortcuts of the chats page, opened with "?". */
class ShortcutsHelp extends Dialog {

    ShortcutsHelp() {
        addClassName("shortcuts-help");
        setHeaderTitle(getTranslation("shortcuts.title"));
        var rows = new Div();
        rows.addClassName("shortcut-rows");
        row(rows, "Alt+N", "shortcuts.next-unread");
        row(rows, "Alt+F", "shortcuts.search");
        row(rows, "Alt+M", "shortcuts.note");
        row(rows, "Alt+C", "shortcuts.close");
        row(rows, "/", "shortcuts.quick-replies");
        row(rows, "Enter", "shortcuts.send");
        row(rows, "Shift+Enter", "shortcuts.newline");
        row(rows, "?", "shortcuts.help");
        add(rows);
        getFooter().add(new Button(getTranslation("action.close"), e -> close()));
    }

    private void row(Div rows, String keys, String descriptionKey) {
        var key = new Span(keys);
        key.addClassName("shortcut-key");
        rows.add(key, new Span(getTranslation(descriptionKey)));
    }
}
