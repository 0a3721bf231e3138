package com.omnichat.channel.webchat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The visitor's session token, kept by the widget in localStorage: the visitor id and the
 * moment it was issued, signed with the channel's own key (HMAC-SHA256). Nothing is stored
 * on the server until the visitor writes; a token of another channel, a changed one or an
 * expired one is refused. Resuming issues a fresh token, so an active visitor never expires.
 */
final class VisitorTokens {

    private static final String VERSION = "v1";
    private static final Pattern VISITOR_ID = Pattern.compile("[0-9a-f]{32}");

    private final Duration maxAge;
    private final Clock clock;

    VisitorTokens(Duration maxAge, Clock clock) {
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** A new visitor: a random id (32 hex digits). */
    static String newVisitorId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    String issue(long channelId, byte[] key, String visitorId) {
        long issued = clock.instant().getEpochSecond();
        String payload = VERSION + "." + visitorId + "." + issued;
        return payload + "." + sign(key, channelId, payload);
    }

    /** The visitor id of a valid token of this channel. */
    Optional<String> verify(long channelId, byte[] key, String token) {
        if (token.length() > 200) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 4
                || !VERSION.equals(parts[0])
                || !VISITOR_ID.matcher(parts[1]).matches()) {
            return Optional.empty();
        }
        long issued;
        try {
            issued = Long.parseLong(parts[2]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        String payload = parts[0] + "." + parts[1] + "." + parts[2];
        byte[] expected = sign(key, channelId, payload).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts[3].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        Instant issuedAt = Instant.ofEpochSecond(issued);
        Instant now = clock.instant();
        // A token from the future (beyond clock skew) or older than the limit is not accepted.
        if (issuedAt.isAfter(now.plus(Duration.ofMinutes(5)))
                || issuedAt.plus(maxAge).isBefore(now)) {
            return Optional.empty();
        }
        return Optional.of(parts[1]);
    }

    private static String sign(byte[] key, long channelId, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            // The channel id is signed too: a token never works on another channel with the same key.
            byte[] signature = mac.doFinal((channelId + ":" + payload).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
