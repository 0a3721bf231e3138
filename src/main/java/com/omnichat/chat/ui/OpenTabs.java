package com.omnichat.chat.ui;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The open browser tabs on this node, grouped by browser (HTTP session): whether each is
 * visible and which chat it shows. The tabs of one browser decide together how loudly a
 * new message is announced, so a chat the user is looking at in one tab does not ring in
 * another. (A browser's tabs share a session and therefore a node; another browser or
 * device of the same user announces on its own.)
 * <p>
 * A tab whose page is gone without saying goodbye (the browser's unload beacon lost, or the
 * page left before its script started) stays registered until Vaadin expires its UI, minutes
 * later; it would silence the others all that time. So only connected tabs weigh: a page that
 * is gone has lost its push connection at once.
 */
@Component
class OpenTabs {

    /** How a tab announces a new client message. */
    enum Reaction {
        /** The user is looking at that chat (in this or another tab): nothing. */
        NONE,
        /** This tab is visible, showing something else: a sound. */
        SOUND,
        /** This tab is hidden but the user works in another visible tab: the title counts it, quietly. */
        TITLE,
        /** No tab of this browser is visible: title count, sound and desktop notification. */
        FULL
    }

    /** One tab; changed by its own UI, read by the others. Once connected and until it reports, it counts as visible. */
    static final class Tab {
        final String browser;
        /** Whether its page is still there; asked under the browser's (shared) session lock. */
        final BooleanSupplier connected;

        volatile boolean hidden;
        volatile @Nullable Long openChat;

        Tab(String browser, BooleanSupplier connected) {
            this.browser = browser;
            this.connected = connected;
        }
    }

    private final Map<String, Set<Tab>> byBrowser = new ConcurrentHashMap<>();

    Tab open(String browser, BooleanSupplier connected) {
        var tab = new Tab(browser, connected);
        byBrowser.computeIfAbsent(browser, id -> ConcurrentHashMap.newKeySet()).add(tab);
        return tab;
    }

    void close(Tab tab) {
        byBrowser.computeIfPresent(tab.browser, (id, tabs) -> {
            tabs.remove(tab);
            return tabs.isEmpty() ? null : tabs;
        });
    }

    Reaction reactionOf(Tab tab, long conversationId) {
        return react(tab, byBrowser.getOrDefault(tab.browser, Set.of(tab)), conversationId);
    }

    static Reaction react(Tab self, Collection<Tab> browsersTabs, long conversationId) {
        Long chat = conversationId;
        Predicate<Tab> seen = t -> !t.hidden && (t == self || t.connected.getAsBoolean());
        Predicate<Tab> showsIt = seen.and(t -> chat.equals(t.openChat));
        if (showsIt.test(self) || browsersTabs.stream().anyMatch(showsIt)) {
            return Reaction.NONE;
        }
        if (!self.hidden) {
            return Reaction.SOUND;
        }
        return browsersTabs.stream().anyMatch(seen) ? Reaction.TITLE : Reaction.FULL;
    }
}
