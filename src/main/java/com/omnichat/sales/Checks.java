package com.omnichat.sales;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** Search helpers shared by requests, orders and products (input rules are the drafts' annotations). */
final class Checks {

    private Checks() {
    }

    /** Lower-cased for a contains-search in SQL (the database's lower() may not know Cyrillic). */
    static String likePattern(String search) {
        String escaped = search.strip().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    /** The number a search such as "1002" or "#1002" names, or null. */
    static @Nullable Long numberIn(String search) {
        String s = search.strip().replaceFirst("^[#№]\\s*", "");
        if (s.isEmpty() || s.length() > 15 || !s.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.parseLong(s);
    }
}
