package com.omnichat.channel;

import org.jspecify.annotations.Nullable;

/** The provider's answer to "check connection": who the bot is, or why it failed. */
public record ConnectionCheck(
        boolean ok, @Nullable String accountName, @Nullable String error) {

    public static ConnectionCheck ok(String accountName) {
        return new ConnectionCheck(true, accountName, null);
    }

    public static ConnectionCheck failed(String error) {
        return new ConnectionCheck(false, null, error);
    }
}
