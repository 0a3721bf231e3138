package com.omnichat.base;

import java.util.Locale;

/** Small pieces of SQL text every module's plain-SQL queries need the same way. */
public final class Sql {

    private Sql() {}

    /**
     * The text with LIKE's wildcards and the escape character taken literally; the predicate
     * must say {@code escape '\'}.
     */
    public static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** A LIKE pattern for "contains {@code text}" (taken as typed). */
    public static String contains(String text) {
        return "%" + likeEscaped(text) + "%";
    }

    /**
     * {@link #contains} for the trimmed, lower-cased search, to compare with a {@code lower(...)}
     * expression (lower-cased here: the database's lower() may not know Cyrillic).
     */
    public static String containsIgnoringCase(String search) {
        return contains(search.strip().toLowerCase(Locale.ROOT));
    }
}
