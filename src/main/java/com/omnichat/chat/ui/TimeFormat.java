package com.omnichat.chat.ui;

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
        ZoneId zone = ZoneId.systemDefault();
        try {
            var details = ui.getPage().getExtendedClientDetails();
            if (details != null && details.getTimeZoneId() != null) {
                zone = ZoneId.of(details.getTimeZoneId());
            }
        } catch (RuntimeException e) {
            // Details not known yet (or an unknown zone id): the server's zone is a fair guess.
        }
        return new TimeFormat(zone, ui.getLocale(), Clock.systemUTC());
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
