package com.omnichat.chat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The snippets of a page of found messages, cut from the text exactly as it was written (no
 * markup stripped or added: {@code ts_headline} drops what looks like a tag and trims
 * punctuation). PostgreSQL says which of the words match the query, with the same
 * configuration as the index; the marks are positions in the text, so nothing the client wrote
 * can forge or break one.
 */
final class Snippets {

    /** Letters and digits: the words PostgreSQL's parser sees (it also splits at apostrophes and hyphens). */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    /** A match deep in a long e-mail is still found; only its highlight is not looked for past this. */
    private static final int SCANNED = 20_000;

    static final int BEFORE = 40;
    static final int LENGTH = 180;

    private final Set<String> matching;

    private Snippets(Set<String> matching) {
        this.matching = matching;
    }

    /** Asks once for the page which of its words match any word of the query. */
    static Snippets of(JdbcClient jdbc, List<String> bodies, String anyWordQuery) {
        Set<String> words = new LinkedHashSet<>();
        for (String body : bodies) {
            Matcher m = WORD.matcher(scanned(body));
            while (m.find()) {
                words.add(m.group().toLowerCase(Locale.ROOT));
            }
        }
        if (words.isEmpty()) {
            return new Snippets(Set.of());
        }
        List<String> matching = jdbc.sql("""
                        select w from unnest(cast(:words as text[])) w
                        where to_tsvector('omnichat_search'::regconfig, w) @@ cast(:query as tsquery)""")
                .param("words", words.toArray(String[]::new))
                .param("query", anyWordQuery)
                .query(String.class)
                .list();
        return new Snippets(Set.copyOf(matching));
    }

    /** Plain, marked, plain, ...: a window of the text from a little before its first matched word. */
    List<String> of(@Nullable String body) {
        String text = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        List<int[]> marks = new ArrayList<>();
        Matcher m = WORD.matcher(scanned(text));
        while (m.find()) {
            if (matching.contains(m.group().toLowerCase(Locale.ROOT))) {
                marks.add(new int[] {m.start(), m.end()});
            }
        }
        int start = 0;
        if (!marks.isEmpty() && marks.getFirst()[0] > BEFORE) {
            // From the first word boundary at most BEFORE characters ahead of the match.
            int first = marks.getFirst()[0];
            int space = text.indexOf(' ', first - BEFORE);
            start = space < 0 || space >= first ? first - BEFORE : space + 1;
        }
        int end = Math.min(text.length(), start + LENGTH);
        List<String> parts = new ArrayList<>();
        StringBuilder plain = new StringBuilder(start > 0 ? "…" : "");
        int at = start;
        for (int[] mark : marks) {
            if (mark[0] < start || mark[1] > end) {
                continue;
            }
            plain.append(text, at, mark[0]);
            parts.add(plain.toString());
            parts.add(text.substring(mark[0], mark[1]));
            plain.setLength(0);
            at = mark[1];
        }
        plain.append(text, at, end);
        if (end < text.length()) {
            plain.append('…');
        }
        parts.add(plain.toString());
        return parts;
    }

    private static String scanned(String text) {
        return text.length() <= SCANNED ? text : text.substring(0, SCANNED);
    }
}
