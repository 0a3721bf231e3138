package com.omnichat.chat;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The chat list's filters, all combinable. Empty {@code channelIds} means every channel the
 * user may see.
 */
public record ChatFilter(
        StateTab state,
        String search,
        boolean unansweredOnly,
        Set<Long> channelIds,
        Responsible responsible,
        @Nullable Long responsibleUserId) {

    public enum StateTab {
        OPEN,
        CLOSED,
        ALL
    }

    public enum Responsible {
        ALL,
        MINE,
        UNASSIGNED,
        USER
    }

    public ChatFilter {
        search = search == null ? "" : search.strip();
        channelIds = Set.copyOf(channelIds);
    }

    public static ChatFilter open() {
        return new ChatFilter(StateTab.OPEN, "", false, Set.of(), Responsible.ALL, null);
    }

    public ChatFilter withSearch(String newSearch) {
        return new ChatFilter(state, newSearch, unansweredOnly, channelIds, responsible, responsibleUserId);
    }

    public ChatFilter withState(StateTab newState) {
        return new ChatFilter(newState, search, unansweredOnly, channelIds, responsible, responsibleUserId);
    }
}
