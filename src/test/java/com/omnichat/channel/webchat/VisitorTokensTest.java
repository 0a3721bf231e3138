package com.omnichat.channel.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The widget's visitor token, a pure rule: signed per channel, refused when changed, foreign or too old. */
class VisitorTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final byte[] KEY = "channel-key-of-the-site-chat-32b".getBytes(StandardCharsets.US_ASCII);

    private final VisitorTokens tokens = at(NOW);
    private final String visitor = VisitorTokens.newVisitorId();

    @Test
    void aTokenNamesItsVisitorOnItsOwnChannel() {
        String token = tokens.issue(7, KEY, visitor);

        assertThat(visitor).matches("[0-9a-f]{32}");
        assertThat(tokens.verify(7, KEY, token)).contains(visitor);
    }

    @Test
    void anotherChannelAChangedVisitorOrAnotherKeyIsRefused() {
        String token = tokens.issue(7, KEY, visitor);
        String[] parts = token.split("\\.");
        String otherVisitor = parts[0] + "." + VisitorTokens.newVisitorId() + "." + parts[2] + "." + parts[3];

        assertThat(tokens.verify(8, KEY, token))
                .as("another channel with the same key")
                .isEmpty();
        assertThat(tokens.verify(7, KEY, otherVisitor)).isEmpty();
        assertThat(tokens.verify(7, "another-key".getBytes(StandardCharsets.US_ASCII), token))
                .isEmpty();
        assertThat(tokens.verify(7, KEY, "v1.not-a-token")).isEmpty();
    }

    @Test
    void aTokenOlderThanTheLimitOrFromTheFutureIsRefused() {
        String token = tokens.issue(7, KEY, visitor);

        assertThat(at(NOW.plus(Duration.ofDays(30)).minusSeconds(1)).verify(7, KEY, token))
                .contains(visitor);
        assertThat(at(NOW.plus(Duration.ofDays(30)).plusSeconds(1)).verify(7, KEY, token))
                .isEmpty();
        assertThat(at(NOW.minus(Duration.ofMinutes(6))).verify(7, KEY, token))
                .as("issued in the future")
                .isEmpty();
    }

    private static VisitorTokens at(Instant now) {
        return new VisitorTokens(Duration.ofDays(30), Clock.fixed(now, ZoneOffset.UTC));
    }
}
