package com.omnichat.chat.ui;

import com.omnichat.quickreply.QuickReply;
import com.omnichat.quickreply.QuickReplyService;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.List;
import java.util.function.Consumer;

/**
 * The quick-reply list of the composer: a search field that keeps the focus (so typing
 * filters at once) and the matching templates below it. Arrow keys move the selection,
 * Enter inserts it, Esc closes; a click inserts too. Picking only hands the template to the
 * composer — nothing is ever sent from here.
 */
class QuickReplyPicker extends Dialog {

    /** Rendering hundreds of rows is pointless in a popup; the search narrows them down. */
    static final int MAX_SHOWN = 50;

    private final QuickReplyService service;
    private final boolean slash;
    private final Consumer<QuickReply> onPick;
    final TextField search = new TextField();
    final Div list = new Div();
    private List<QuickReply> matches = List.of();
    private int selected;

    /**
     * @param slash true when opened by typing {@code /word}: shortcuts match first
     */
    QuickReplyPicker(QuickReplyService service, String query, boolean slash, Consumer<QuickReply> onPick) {
        this.service = service;
        this.slash = slash;
        this.onPick = onPick;
        addClassName("quick-reply-picker");
        setHeaderTitle(getTranslation("quickreply.picker.title"));
        setWidth("min(36rem, 95vw)");
        search.setWidthFull();
        search.addClassName("quick-reply-search");
        search.setPlaceholder(getTranslation("quickreply.picker.search"));
        search.setPrefixComponent(slash ? new Span("/") : VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.EAGER);
        search.setValue(query);
        search.addValueChangeListener(e -> refresh());
        search.setHelperText(getTranslation("quickreply.picker.hint"));
        Shortcuts.addShortcutListener(search, () -> move(1), Key.ARROW_DOWN).listenOn(search);
        Shortcuts.addShortcutListener(search, () -> move(-1), Key.ARROW_UP).listenOn(search);
        Shortcuts.addShortcutListener(search, this::pickSelected, Key.ENTER).listenOn(search);
        list.addClassName("quick-reply-list");
        add(search, list);
        var manage = new Button(getTranslation("quickreply.picker.manage"), VaadinIcon.COG.create(), e -> {
            close();
            getUI().ifPresent(ui -> ui.navigate("quick-replies"));
        });
        manage.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        getFooter().add(manage);
        addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                search.focus();
            }
        });
        refresh();
    }

    List<QuickReply> matches() {
        return matches;
    }

    QuickReply selected() {
        return matches.isEmpty() ? null : matches.get(selected);
    }

    void refresh() {
        String query = search.getValue();
        matches = (slash ? service.byShortcut(query) : service.search(query))
                .stream().limit(MAX_SHOWN).toList();
        selected = 0;
        render();
    }

    void move(int delta) {
        if (matches.isEmpty()) {
            return;
        }
        selected = Math.floorMod(selected + delta, matches.size());
        render();
        list.getElement().executeJs("this.querySelector('.selected')?.scrollIntoView({block: 'nearest'})");
    }

    void pickSelected() {
        if (!matches.isEmpty()) {
            pick(matches.get(selected));
        }
    }

    private void pick(QuickReply template) {
        close();
        onPick.accept(template);
    }

    private void render() {
        list.removeAll();
        if (matches.isEmpty()) {
            var empty = new Div(getTranslation("quickreply.empty"));
            empty.addClassName("quick-reply-empty");
            list.add(empty);
            return;
        }
        for (int i = 0; i < matches.size(); i++) {
            QuickReply t = matches.get(i);
            var title = new Span(t.title());
            title.addClassName("quick-reply-title");
            var head = new Div(title);
            head.addClassName("quick-reply-head");
            if (t.shortcut() != null) {
                var shortcut = new Span("/" + t.shortcut());
                shortcut.addClassName("quick-reply-shortcut");
                head.add(shortcut);
            }
            var body = new Div(t.body());
            body.addClassName("quick-reply-body");
            var item = new Div(head, body);
            item.addClassName("quick-reply-item");
            if (i == selected) {
                item.addClassName("selected");
            }
            item.addClickListener(e -> pick(t));
            list.add(item);
        }
    }
}
