package com.omnichat.channel.connector;

/**
 * A secret a channel type needs; {@code labelKey} is a translation key for the form.
 * A {@code generated} secret (e.g. Telegram's webhook secret_token) is created randomly when
 * missing and never asked for.
 */
public record SecretField(String name, String labelKey, boolean generated) {

    public static SecretField asked(String name, String labelKey) {
        return new SecretField(name, labelKey, false);
    }

    public static SecretField generated(String name) {
        return new SecretField(name, name, true);
    }
}
