package com.omnichat.chat.ui;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The signed-in users' open browser tabs on this node: whether each is visible and which
 * chat it shows. One user's tabs decide together how loudly a new message is announced,
 * so a chat he is looking at in one tab does not ring in another. (A user's tabs in one
 * browser share a session and therefore a node.)
 */
@Component
class OpenTabs {

    /** How a tab announces a new client message. */
    enum Reaction {
        /** He is looking at that chat (in this or another tab): nothing. */
        NONE,
        /** This tab is visible, showing something else: a sound. */
        SOUND,
        /** This tab is hidden but he works in another visible tab: the title counts it, quietly. */
        TITLE,
        /** No tab of his is visible: title count, sound and desktop notification. */
        FULL
    }

    /** One tab; changed by its own UI, read by the others. */
    static final class Tab {
        final long userId;
        volatile boolean hidden;
        volatile @Nullable Long openChat;

        Tab(long userId) {
            this.userId = userId;
        }
    }

    private final Map<Long, Set<Tab>> byUser = new ConcurrentHashMap<>();

    Tab open(long userId) {
        var tab = new Tab(userId);
        byUser.computeIfAbsent(userId, id -> ConcurrentHashMap.newKeySet()).add(tab);
        return tab;
    }

    void close(Tab tab) {
        byUser.computeIfPresent(tab.userId, (id, tabs) -> {
            tabs.remove(tab);
            return tabs.isEmpty() ? null : tabs;
        });
    }

    Reaction reactionOf(Tab tab, long conversationId) {
        return react(tab, byUser.getOrDefault(tab.userId, Set.of(tab)), conversationId);
    }

    static Reaction react(Tab self, Collection<Tab> usersTabs, long conversationId) {
        Long chat = conversationId;
        Predicate<Tab> showsIt = t -> !t.hidden && chat.equals(t.openChat);
        if (showsIt.test(self) || usersTabs.stream().anyMatch(showsIt)) {
            return Reaction.NONE;
        }
        if (!self.hidden) {
            return Reaction.SOUND;
        }
        return usersTabs.stream().anyMatch(t -> !t.hidden) ? Reaction.TITLE : Reaction.FULL;
    }
}
