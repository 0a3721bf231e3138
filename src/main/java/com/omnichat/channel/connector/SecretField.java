package com.omnichat.channel.connector;

/** A secret a channel type needs; {@code labelKey} is a translation key for the form. */
public record SecretField(String name, String labelKey) {
}
