package com.omnichat.chat;

/**
 * Chats per state tab for the current filters. Counting stops at {@link #CAP}: a tab shows
 * "999+" instead of scanning a million rows on every refresh.
 */
public record TabCounts(int open, int closed) {

    public static final int CAP = 1000;

    public int all() {
        return Math.min(CAP, open + closed);
    }

    public static String label(int count) {
        return count >= CAP ? (CAP - 1) + "+" : Integer.toString(count);
    }
}
