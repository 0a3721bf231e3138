package com.omnichat.sales.ui;

import com.omnichat.base.ui.BrowserTimeZone;
import com.omnichat.sales.OrderStatus;
import com.omnichat.sales.RequestStage;
import com.omnichat.sales.StageOutcome;
import com.vaadin.flow.component.UI;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Numbers, money, dates and badges as the sales views show them, in the user's language. */
final class SalesFormat {

    private final Locale locale;
    private final ZoneId zone;

    private SalesFormat(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
    }

    static SalesFormat current() {
        UI ui = UI.getCurrent();
        return new SalesFormat(ui.getLocale(), BrowserTimeZone.of(ui));
    }

    /** Amounts with two decimals and the language's grouping ("1 500,00" / "1,500.00"). */
    String money(@Nullable BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(amount);
    }

    String quantity(BigDecimal quantity) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(3);
        return format.format(quantity);
    }

    String dateTime(Instant instant) {
        return instant.atZone(zone)
                .format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale));
    }

    /** For grid columns: the time when today, the date otherwise. */
    String compact(Instant instant) {
        var time = instant.atZone(zone);
        if (time.toLocalDate().equals(java.time.LocalDate.now(zone))) {
            return time.format(
                    DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale));
        }
        return time.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(locale));
    }

    Locale locale() {
        return locale;
    }

    static String number(long number) {
        return "#" + number;
    }

    /** Built-in stages by translation, a shop's own by name. */
    static String stageName(RequestStage stage) {
        return stage.name() != null ? stage.name() : UI.getCurrent().getTranslation("request.stage." + stage.code());
    }

    static String stageTheme(RequestStage stage) {
        return stage.outcome() == StageOutcome.WON
                ? "badge success"
                : stage.outcome() == StageOutcome.LOST ? "badge error" : "badge";
    }

    static String statusName(OrderStatus status) {
        return UI.getCurrent().getTranslation("order.status." + status.name());
    }

    static String statusTheme(OrderStatus status) {
        return switch (status) {
            case NEW -> "badge contrast";
            case CONFIRMED, SHIPPED -> "badge";
            case DELIVERED -> "badge success";
            case CANCELLED -> "badge error";
        };
    }
}
