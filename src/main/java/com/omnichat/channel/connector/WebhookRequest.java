package com.omnichat.channel.connector;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A webhook call as received: headers (lower-case names) and the raw body, byte for byte. */
public record WebhookRequest(Map<String, String> headers, byte[] body) {

    public @Nullable String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
}
