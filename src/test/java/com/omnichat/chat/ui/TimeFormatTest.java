package com.omnichat.chat.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A chat row and a message show the time when it is from today in the user's zone, the date otherwise. */
class TimeFormatTest {

    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    /** 10:30 in Kyiv on 4 December 2026. */
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-04T08:30:00Z"), ZoneId.of("UTC"));

    private final TimeFormat english = new TimeFormat(KYIV, Locale.US, NOW);

    @Test
    void todayShowsTheTimeInTheUsersZone() {
        assertThat(english.listTime(Instant.parse("2026-12-04T06:05:00Z"))).isEqualTo("08:05");
        assertThat(english.messageTime(Instant.parse("2026-12-04T06:05:00Z"))).isEqualTo("08:05");
        assertThat(english.listTime(Instant.parse("2026-12-03T22:30:00Z")))
                .as("still 3 December in UTC, but today in Kyiv")
                .isEqualTo("00:30");
    }

    @Test
    void anEarlierDayShowsTheDateAndAMessageAlsoItsTime() {
        Instant lateYesterday = Instant.parse("2026-12-03T21:59:00Z"); // 23:59 in Kyiv

        assertThat(english.listTime(lateYesterday)).isEqualTo("12/3/26");
        assertThat(english.messageTime(lateYesterday)).startsWith("12/3/26").contains("11:59");
        assertThat(new TimeFormat(KYIV, Locale.forLanguageTag("uk"), NOW).listTime(lateYesterday))
                .isEqualTo("03.12.26");
    }
}
