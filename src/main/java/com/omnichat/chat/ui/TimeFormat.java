package com.omnichat.chat.ui;

import com.omnichat.base.ui.BrowserTimeZone;
import com.vaadin.flow.component.UI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Times in the user's browser time zone: the time when today, the date otherwise. */
final class TimeFormat {

    private final ZoneId zone;
    private final Locale locale;
    private final Clock clock;

    /** The clock tells which day is today (a test's fixed clock tries both branches). */
    TimeFormat(ZoneId zone, Locale locale, Clock clock) {
        this.zone = zone;
        this.locale = locale;
        this.clock = clock;
    }

    static TimeFormat of(UI ui) {
        return new TimeFormat(BrowserTimeZone.of(ui), ui.getLocale(), Clock.systemUTC());
    }

    String listTime(Instant instant) {
        ZonedDateTime time = instant.atZone(zone);
        if (time.toLocalDate().equals(LocalDate.now(clock.withZone(zone)))) {
            return time.format(DateTimeFormatter.ofPattern("HH:mm", locale));
        }
        return time.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(locale));
    }

    String messageTime(Instant instant) {
        ZonedDateTime time = instant.atZone(zone);
        if (time.toLocalDate().equals(LocalDate.now(clock.withZone(zone)))) {
            return time.format(DateTimeFormatter.ofPattern("HH:mm", locale));
        }
        return time.format(
                DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale));
    }
}
