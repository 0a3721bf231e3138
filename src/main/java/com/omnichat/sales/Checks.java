package com.omnichat.sales;

import org.jspecify.annotations.Nullable;

/** The number search shared by requests and orders (input rules are the drafts' annotations). */
final class Checks {

    private Checks() {}

    /** The number a search such as "1002" or "#1002" names, or null. */
    static @Nullable Long numberIn(String search) {
        String s = search.strip().replaceFirst("^[#№]\\s*", "");
        if (s.isEmpty() || s.length() > 15 || !s.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.parseLong(s);
    }
}
