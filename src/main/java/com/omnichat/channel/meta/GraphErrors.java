package com.omnichat.channel.meta;

import com.omnichat.channel.connector.ProviderErrors;
import com.omnichat.channel.internal.Json;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The one mapping of Graph's error envelope to {@link GraphException}s: which codes are
 * throttling, an invalid token, transient or permanent, and a readable text per known code.
 * Graph's own {@code error.message} is shown only for unknown codes, and only redacted.
 */
public final class GraphErrors {

    /** Meta names no wait for its throttling codes; a minute lets most of its windows pass. */
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(60);

    private static final Duration MAX_WAIT = Duration.ofHours(1);
    /** WhatsApp's per-number throughput limit clears within seconds. */
    private static final Duration THROUGHPUT_WAIT = Duration.ofSeconds(5);

    static final Set<Integer> RATE_LIMITS = Set.of(4, 17, 32, 613, 80007, 130429);
    static final int TOKEN_INVALID = 190;

    private static final Map<Integer, String> TEXTS = Map.ofEntries(
            Map.entry(4, "Meta: the app's request limit is reached; it is sent again later"),
            Map.entry(17, "Meta: the account's request limit is reached; it is sent again later"),
            Map.entry(32, "Meta: the Page's request limit is reached; it is sent again later"),
            Map.entry(613, "Meta: too many calls in a short time; it is sent again later"),
            Map.entry(80007, "WhatsApp: the business account's rate limit is reached; it is sent again later"),
            Map.entry(130429, "WhatsApp: the number's message throughput is reached; it is sent again later"),
            Map.entry(
                    190,
                    "Meta: the access token has expired or was revoked; an administrator must enter a new "
                            + "one in Administration → Channels"),
            Map.entry(1, "Meta: temporary error"),
            Map.entry(2, "Meta: service temporarily unavailable"),
            Map.entry(10, "Meta: the app has no permission for this"),
            Map.entry(200, "Meta: the app has no permission for this"),
            Map.entry(368, "Meta: sending is temporarily blocked for policy reasons"),
            Map.entry(551, "The client cannot receive messages from the shop right now"));

    private static final Map<Integer, String> SUBCODE_TEXTS = Map.ofEntries(
            Map.entry(2018278, "Outside the messaging window: the client last wrote too long ago"),
            Map.entry(2534022, "Outside the messaging window: the client last wrote too long ago"),
            Map.entry(2018001, "The client cannot be found (he may have deleted his account)"),
            Map.entry(2018108, "The client cannot be reached (he blocked the shop or left the conversation)"),
            Map.entry(1545041, "The client cannot receive messages from the shop right now"));

    private GraphErrors() {}

    /** The exception for an answer that is not a 2xx (or a 2xx carrying an error envelope). */
    public static GraphException fromAnswer(
            int httpStatus, byte[] body, Map<String, String> headers, Collection<String> secrets) {
        JsonNode error = null;
        try {
            JsonNode root = Json.MAPPER.readTree(body);
            error = root == null ? null : root.get("error");
        } catch (RuntimeException e) {
            // Not Graph's envelope (a proxy's page): described by the HTTP status alone.
        }
        if (error == null || !error.isObject()) {
            GraphException.Kind kind = httpStatus >= 500 || httpStatus == 429
                    ? GraphException.Kind.RETRYABLE
                    : GraphException.Kind.PERMANENT;
            return new GraphException(httpStatus, 0, 0, null, null, kind, null, "Meta: HTTP " + httpStatus);
        }
        int code = error.path("code").asInt(0);
        int subcode = error.path("error_subcode").asInt(0);
        String type = error.path("type").asString(null);
        String trace = error.path("fbtrace_id").asString(null);
        boolean transientError = error.path("is_transient").asBoolean(false);
        GraphException.Kind kind;
        if (RATE_LIMITS.contains(code)) {
            kind = GraphException.Kind.RATE_LIMITED;
        } else if (code == TOKEN_INVALID) {
            kind = GraphException.Kind.TOKEN_INVALID;
        } else if (httpStatus >= 500 || transientError || code == 1 || code == 2) {
            kind = GraphException.Kind.RETRYABLE;
        } else {
            kind = GraphException.Kind.PERMANENT;
        }
        Duration wait = kind == GraphException.Kind.RATE_LIMITED ? wait(code, headers) : null;
        String reason = reason(code, subcode, error.path("message").asString(""), secrets);
        return new GraphException(httpStatus, code, subcode, type, trace, kind, wait, reason);
    }

    /** No answer at all (connection refused, timeout): retryable; the text names no URL. */
    public static GraphException unreachable(Throwable e, Collection<String> secrets) {
        return new GraphException(
                0,
                0,
                0,
                null,
                null,
                GraphException.Kind.RETRYABLE,
                null,
                "Meta unreachable: " + ProviderErrors.describe(e, secrets));
    }

    /** The readable text: mapped per subcode or code, else Graph's message (redacted) with the code. */
    static String reason(int code, int subcode, @Nullable String message, Collection<String> secrets) {
        String mapped = SUBCODE_TEXTS.get(subcode);
        if (mapped == null) {
            mapped = code >= 200 && code < 300 ? TEXTS.get(200) : TEXTS.get(code);
        }
        if (mapped != null) {
            return mapped + " (code " + code + (subcode == 0 ? "" : "/" + subcode) + ")";
        }
        String text = ProviderErrors.redact(message == null || message.isBlank() ? "error" : message, secrets);
        return "Meta: " + text + " (code " + code + (subcode == 0 ? "" : "/" + subcode) + ")";
    }

    /**
     * How long to wait: Retry-After when given, else the estimated time to regain access that the
     * usage headers name (minutes), else a default per code.
     */
    private static Duration wait(int code, Map<String, String> headers) {
        String retryAfter = headers.get("retry-after");
        if (retryAfter != null && retryAfter.strip().matches("\\d{1,6}")) {
            return cap(Duration.ofSeconds(Long.parseLong(retryAfter.strip())));
        }
        long minutes = 0;
        for (String name : new String[] {"x-business-use-case-usage", "x-app-usage", "x-ad-account-usage"}) {
            String usage = headers.get(name);
            if (usage != null) {
                minutes = Math.max(minutes, regainMinutes(usage));
            }
        }
        if (minutes > 0) {
            return cap(Duration.ofMinutes(minutes));
        }
        return code == 130429 ? THROUGHPUT_WAIT : DEFAULT_WAIT;
    }

    private static long regainMinutes(String usage) {
        try {
            long max = 0;
            for (JsonNode node : Json.MAPPER.readTree(usage).findValues("estimated_time_to_regain_access")) {
                max = Math.max(max, node.asLong(0));
            }
            return max;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static Duration cap(Duration wait) {
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait.isNegative() || wait.isZero() ? DEFAULT_WAIT : wait;
    }
}
