package com.omnichat.channel.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** HTTP clients for provider APIs (Spring's RestClient on the JDK client) with sane timeouts. */
public final class ProviderHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    private ProviderHttp() {}

    /** A client whose requests time out after {@code readTimeout} (long polls need more than the poll). */
    public static RestClient client(Duration readTimeout) {
        var factory = new JdkClientHttpRequestFactory(CLIENT);
        factory.setReadTimeout(readTimeout);
        return RestClient.builder().requestFactory(factory).build();
    }

    /** Reads at most {@code max} bytes; more is refused (the caller's size limit). */
    public static byte[] readLimited(InputStream in, long max) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (bytes.length > max) {
            throw new com.omnichat.channel.connector.MediaPolicy.MediaRejectedException(
                    "File too large (limit " + max + " bytes)");
        }
        return bytes;
    }
}
