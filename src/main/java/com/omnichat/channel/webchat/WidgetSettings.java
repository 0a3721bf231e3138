package com.omnichat.channel.webchat;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import com.omnichat.channel.connector.ConnectedChannel;

/**
 * A webchat channel's plain settings: which sites may embed it, and what the widget shows
 * (its title, a greeting, the accent colour, whether it asks for contacts).
 */
record WidgetSettings(AllowedOrigins origins, @Nullable String title, @Nullable String greeting,
                      @Nullable String color, boolean askContacts) {

    static final String ALLOWED_ORIGINS = "allowed-origins";
    static final String TITLE = "title";
    static final String GREETING = "greeting";
    static final String COLOR = "color";
    static final String ASK_CONTACTS = "ask-contacts";

    private static final Pattern COLOR_FORM = Pattern.compile("#[0-9a-fA-F]{6}");

    static WidgetSettings of(ConnectedChannel channel) {
        String color = channel.setting(COLOR);
        return new WidgetSettings(AllowedOrigins.parse(channel.setting(ALLOWED_ORIGINS)), clip(channel.setting(TITLE), 80),
                clip(channel.setting(GREETING), 500), color != null && COLOR_FORM.matcher(color.strip()).matches()
                        ? color.strip() : null,
                !"false".equalsIgnoreCase(channel.setting(ASK_CONTACTS)));
    }

    private static @Nullable String clip(@Nullable String value, int max) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        return text.length() <= max ? text : text.substring(0, max);
    }
}
