package com.omnichat.base;

import java.util.Locale;

/** Avatar letters for a person's name: first letters of the first and last word. */
public final class Initials {

    private Initials() {}

    /** One or two upper-case letters, or {@code fallback} when the name has no letters to show. */
    public static String of(String name, String fallback) {
        String[] words = name.strip().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            return fallback;
        }
        String first = words[0].substring(0, 1);
        String last = words.length > 1 ? words[words.length - 1].substring(0, 1) : "";
        return (first + last).toUpperCase(Locale.ROOT);
    }
}
