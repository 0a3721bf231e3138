package com.omnichat.chat.ui;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.omnichat.chat.ChatCursor;
import com.omnichat.chat.ChatFilter;
import com.omnichat.chat.ConversationSummary;
import com.omnichat.chat.InboxService;

/**
 * Turns the grid's offset/limit requests into keyset queries: it remembers the cursor of
 * every row it has served and continues from the nearest one before the requested offset,
 * so scrolling deep never makes PostgreSQL skip thousands of rows.
 */
class KeysetPager {

    private final InboxService inbox;
    private final NavigableMap<Integer, ChatCursor> cursors = new TreeMap<>();
    private ChatFilter filter;

    KeysetPager(InboxService inbox, ChatFilter filter) {
        this.inbox = inbox;
        this.filter = filter;
    }

    Stream<ConversationSummary> fetch(int offset, int limit) {
        Map.Entry<Integer, ChatCursor> before = cursors.floorEntry(offset - 1);
        ChatCursor after = before == null ? null : before.getValue();
        int skip = before == null ? offset : offset - before.getKey() - 1;
        List<ConversationSummary> rows = inbox.list(filter, after, skip, limit);
        for (int i = 0; i < rows.size(); i++) {
            cursors.put(offset + i, rows.get(i).cursor());
        }
        return rows.stream();
    }

    void setFilter(ChatFilter filter) {
        this.filter = filter;
        reset();
    }

    ChatFilter filter() {
        return filter;
    }

    /** Forget positions: the order changed (new message, bump) or the filter did. */
    void reset() {
        cursors.clear();
    }
}
