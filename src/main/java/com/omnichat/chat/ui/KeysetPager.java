package com.omnichat.chat.ui;

import com.omnichat.chat.ChatCursor;
import com.omnichat.chat.ChatFilter;
import com.omnichat.chat.ConversationSummary;
import com.omnichat.chat.InboxService;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Turns the grid's offset/limit requests into keyset queries: it remembers the cursor of
 * every row it has served and continues from the nearest one before the requested offset,
 * so scrolling deep never makes PostgreSQL skip thousands of rows. With a search text the
 * chats found by name come first, then those found by message text (keyed by message id).
 */
class KeysetPager {

    private final InboxService inbox;
    private final NavigableMap<Integer, ChatCursor> cursors = new TreeMap<>();
    private final NavigableMap<Integer, Long> messageCursors = new TreeMap<>();
    private ChatFilter filter;
    /** How many chats the name search found, once the grid has read past them. */
    private Integer nameMatches;

    private Long firstMessageMatch;

    KeysetPager(InboxService inbox, ChatFilter filter) {
        this.inbox = inbox;
        this.filter = filter;
    }

    Stream<ConversationSummary> fetch(int offset, int limit) {
        if (nameMatches != null && offset >= nameMatches) {
            return messageMatches(offset - nameMatches, limit).stream();
        }
        List<ConversationSummary> rows = chats(offset, limit);
        if (rows.size() < limit && !filter.search().isEmpty()) {
            // The name matches end here; the message matches follow.
            nameMatches = offset + rows.size();
            List<ConversationSummary> all = new java.util.ArrayList<>(rows);
            all.addAll(messageMatches(0, limit - rows.size()));
            return all.stream();
        }
        return rows.stream();
    }

    /** The first chat found by message text (the list labels where they begin), if any. */
    Long firstMessageMatch() {
        return firstMessageMatch;
    }

    private List<ConversationSummary> messageMatches(int offset, int limit) {
        Map.Entry<Integer, Long> before = messageCursors.floorEntry(offset - 1);
        Long after = before == null ? null : before.getValue();
        int skip = before == null ? offset : offset - before.getKey() - 1;
        List<ConversationSummary> rows = inbox.searchMessages(filter, after, skip, limit);
        for (int i = 0; i < rows.size(); i++) {
            messageCursors.put(offset + i, rows.get(i).match().messageId());
        }
        if (offset == 0 && !rows.isEmpty()) {
            firstMessageMatch = rows.getFirst().match().messageId();
        }
        return rows;
    }

    private List<ConversationSummary> chats(int offset, int limit) {
        Map.Entry<Integer, ChatCursor> before = cursors.floorEntry(offset - 1);
        ChatCursor after = before == null ? null : before.getValue();
        int skip = before == null ? offset : offset - before.getKey() - 1;
        List<ConversationSummary> rows = inbox.list(filter, after, skip, limit);
        for (int i = 0; i < rows.size(); i++) {
            cursors.put(offset + i, rows.get(i).cursor());
        }
        return rows;
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
        messageCursors.clear();
        nameMatches = null;
        firstMessageMatch = null;
    }
}
