package com.omnichat.chat.ui;

import com.omnichat.chat.InboxService;
import com.omnichat.chat.MessageView;
import com.vaadin.flow.component.html.Div;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A chat's messages, oldest first: the newest page when the chat opens, older pages when
 * scrolled to the top, new and changed messages on {@link #refreshRecent()}.
 */
class MessageHistory extends Div {

    static final int PAGE = 50;

    private final InboxService inbox;
    private final long conversationId;
    private final Function<MessageView, MessageItem> items;
    private final Map<Long, MessageItem> shown = new LinkedHashMap<>();
    private boolean allLoaded;

    /** {@code items} makes the component of one message. */
    MessageHistory(InboxService inbox, long conversationId, Function<MessageView, MessageItem> items) {
        this.inbox = inbox;
        this.conversationId = conversationId;
        this.items = items;
        addClassName("messages");
        getElement()
                .addEventListener("scroll", e -> loadOlder())
                .setFilter("element.scrollTop < 80")
                .debounce(300);
    }

    /** The newest page, once (the chat window may be attached again). */
    void loadFirstPage() {
        if (shown.isEmpty()) {
            append(inbox.history(conversationId, null, PAGE), false);
            allLoaded = shown.size() < PAGE;
            scrollToBottom();
            if (wanted != null) {
                reveal(wanted);
            }
        }
    }

    // ---- opened at a message (a search found it) ----

    /** How far back a found message is looked for: the history between it and now is loaded to show it. */
    static final int REVEAL_LIMIT = 2000;

    private @Nullable Long wanted;

    @Nullable
    MessageItem found;

    /** Scrolls to the message and marks it for a moment (once the history is shown, if it is not yet). */
    void showMessage(long messageId) {
        wanted = messageId;
        if (!shown.isEmpty()) {
            reveal(messageId);
        }
    }

    private void reveal(long messageId) {
        wanted = null;
        while (!shown.containsKey(messageId) && !allLoaded && shown.size() < REVEAL_LIMIT) {
            long oldest = shown.keySet().iterator().next();
            List<MessageView> older = inbox.history(conversationId, oldest, 200);
            allLoaded = older.size() < 200;
            append(older, true);
        }
        MessageItem item = shown.get(messageId);
        if (item == null) {
            return;
        }
        if (found != null) {
            found.removeClassName("message-found");
        }
        found = item;
        // The stylesheet's animation fades the mark out; after the bottom scroll of a fresh window.
        item.addClassName("message-found");
        item.getElement()
                .executeJs("requestAnimationFrame(() => requestAnimationFrame(() => "
                        + "this.scrollIntoView({block: 'center'})))");
    }

    /** Re-reads the newest page: changed messages are replaced, new ones appended (and scrolled to). */
    void refreshRecent() {
        List<MessageView> recent = inbox.history(conversationId, null, PAGE);
        long newest = shown.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        boolean appended = false;
        for (MessageView m : recent) {
            MessageItem existing = shown.get(m.id());
            if (existing != null && !existing.message().equals(m)) {
                MessageItem replacement = items.apply(m);
                replace(existing, replacement);
                shown.put(m.id(), replacement);
            } else if (existing == null && m.id() > newest) {
                MessageItem item = items.apply(m);
                add(item);
                shown.put(m.id(), item);
                appended = true;
            }
        }
        if (appended) {
            scrollToBottom();
        }
    }

    private void loadOlder() {
        if (allLoaded || shown.isEmpty()) {
            return;
        }
        long oldest = shown.keySet().iterator().next();
        List<MessageView> older = inbox.history(conversationId, oldest, PAGE);
        allLoaded = older.size() < PAGE;
        append(older, true);
    }

    private void append(List<MessageView> page, boolean atTop) {
        if (atTop) {
            Map<Long, MessageItem> reordered = new LinkedHashMap<>();
            for (int i = 0; i < page.size(); i++) {
                MessageItem item = items.apply(page.get(i));
                addComponentAtIndex(i, item);
                reordered.put(page.get(i).id(), item);
            }
            reordered.putAll(shown);
            shown.clear();
            shown.putAll(reordered);
        } else {
            page.forEach(m -> {
                MessageItem item = items.apply(m);
                add(item);
                shown.put(m.id(), item);
            });
        }
    }

    private void scrollToBottom() {
        getElement().executeJs("requestAnimationFrame(() => this.scrollTop = this.scrollHeight)");
    }
}
