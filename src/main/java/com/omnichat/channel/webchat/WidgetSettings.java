package com.omnichat.channel.webchat;

import com.omnichat.channel.connector.ConnectedChannel;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A webchat channel's plain settings: which sites may embed it, and what the widget shows
 * (its title, a greeting, the accent colour, whether it asks for contacts).
 */
record WidgetSettings(
        AllowedOrigins origins,
        @Nullable String title,
        @Nullable String greeting,
        @Nullable String color,
        boolean askContacts) {

    static final String ALLOWED_ORIGINS = "allowedOrigins";
    static final String TITLE = "title";
    static final String GREETING = "greeting";
    static final String COLOR = "color";
    static final String ASK_CONTACTS = "askContacts";

    private static final Pattern COLOR_FORM = Pattern.compile("#[0-9a-fA-F]{6}");

    static WidgetSettings of(ConnectedChannel channel) {
        String color = channel.setting(COLOR);
        return new WidgetSettings(
                AllowedOrigins.parse(channel.setting(ALLOWED_ORIGINS)),
                clip(channel.setting(TITLE), 80),
                clip(channel.setting(GREETING), 500),
                color != null && COLOR_FORM.matcher(color.strip()).matches() ? color.strip() : null,
                !isNo(channel.setting(ASK_CONTACTS)));
    }

    /** "false", "no", "0", "off" (any case) turn a yes/no setting off; anything else leaves it on. */
    private static boolean isNo(@Nullable String value) {
        return value != null
                && java.util.Set.of("false", "no", "0", "off", "ні", "нет")
                        .contains(value.strip().toLowerCase(java.util.Locale.ROOT));
    }

    private static @Nullable String clip(@Nullable String value, int max) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        return text.length() <= max ? text : text.substring(0, max);
    }
}
