package com.omnichat.channel;

import com.omnichat.channel.connector.ConnectedChannel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;

/**
 * The providers' own sample payloads (src/test/resources/fixtures/channels, copied from their
 * documentation) and a channel as a connector sees it, for tests with or without Spring.
 */
public final class ChannelSamples {

    private ChannelSamples() {}

    public static String text(String name) {
        try {
            return new ClassPathResource("fixtures/channels/" + name).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(String name) {
        return text(name).getBytes(StandardCharsets.UTF_8);
    }

    /** A channel of this type with these plain settings and no secrets (parsing needs none). */
    public static ConnectedChannel channel(ChannelType type, Map<String, String> settings) {
        return new ConnectedChannel(1, "key-1", type, type + " · Flower Shop", ChannelMode.WEBHOOK, Map.of(), settings);
    }
}
