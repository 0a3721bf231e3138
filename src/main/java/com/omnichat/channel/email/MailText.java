package com.omnichat.channel.email;

import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Splits a plain-text mail into what the client wrote now and what is collapsed behind "…":
 * the quoted history (an attribution line such as "On … wrote:", "-----Original Message-----",
 * lines starting with "&gt;") and the signature (after the "-- " line).
 */
final class MailText {

    private static final List<Pattern> QUOTE_START = List.of(
            Pattern.compile("^>.*"),
            Pattern.compile(
                    "^-{2,}\\s*(Original Message|Исходное сообщение|Оригінальне повідомлення|Ursprüngliche Nachricht)\\s*-{2,}\\s*$",
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile("^_{20,}\\s*$"),
            Pattern.compile(
                    "^(On|Am|Le|El|Il)\\s.+(wrote|schrieb|a écrit|escribió|ha scritto)\\s*:\\s*$",
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile(
                    "^.+\\s(пишет|писал|писала|написал|написала|написав|написала|пише)(\\(а\\))?\\s*:\\s*$",
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile("^(From|От|Від|Von):\\s.+", Pattern.CASE_INSENSITIVE));

    private MailText() {}

    static Split split(String text) {
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        String[] lines = normalized.split("\n", -1);
        int cut = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.equals("-- ") || line.equals("--")) {
                cut = i;
                break;
            }
            if (QUOTE_START.stream().anyMatch(p -> p.matcher(line.strip()).matches())) {
                cut = i;
                break;
            }
        }
        if (cut <= 0) {
            return new Split(normalized.strip(), null);
        }
        String main =
                String.join("\n", java.util.Arrays.copyOfRange(lines, 0, cut)).strip();
        String rest = String.join("\n", java.util.Arrays.copyOfRange(lines, cut, lines.length))
                .strip();
        if (main.isEmpty()) {
            // Nothing new above the quote: show it all rather than an empty message.
            return new Split(normalized.strip(), null);
        }
        return new Split(main, rest.isEmpty() ? null : rest);
    }

    record Split(String text, @Nullable String quoted) {}
}
