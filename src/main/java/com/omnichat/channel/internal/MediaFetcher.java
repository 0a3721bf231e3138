package com.omnichat.channel.internal;

import com.omnichat.channel.ChannelProperties;
import com.omnichat.channel.connector.MediaPolicy;
import com.omnichat.channel.connector.ProviderErrors;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The one way every connector downloads a provider's media by URL (SSRF-safe). A media URL
 * comes from an event body, so it is only fetched when its host is one of the provider's
 * ({@link MediaHosts}) and every address the host resolves to is public
 * ({@link PublicAddresses}); redirects are followed by hand, at most {@value #MAX_REDIRECTS},
 * each hop checked by the same rules. The addresses are checked right before the request and
 * the JDK client resolves them again from the JVM's cache; since only the provider's own hosts
 * pass the allowlist, an attacker would need to control the provider's DNS to slip in another.
 * Refusals are {@link UnsafeUrlException}s (never retried); failure texts name the host, never
 * the URL (Telegram's carries the bot token).
 */
@Component
public class MediaFetcher {

    static final int MAX_REDIRECTS = 3;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final PublicAddresses.Resolver resolver;
    private final Duration timeout;
    /** Tests run their fakes on loopback; production never fetches from it. */
    private final boolean allowLoopback;

    @Autowired
    MediaFetcher(ChannelProperties properties) {
        this(
                PublicAddresses.Resolver.SYSTEM,
                properties.media().allowLoopback(),
                properties.media().downloadTimeout());
    }

    public MediaFetcher(PublicAddresses.Resolver resolver, boolean allowLoopback, Duration timeout) {
        this.resolver = resolver;
        this.allowLoopback = allowLoopback;
        this.timeout = timeout;
    }

    /**
     * Downloads {@code url} (at most {@code maxBytes}).
     *
     * @throws UnsafeUrlException the URL or a redirect leads outside the provider's public hosts
     * @throws MediaPolicy.MediaRejectedException the file is larger than allowed
     * @throws ProviderErrors.ProviderException the provider answered with an error status
     * @throws UncheckedIOException the provider could not be reached or read
     */
    public Fetched fetch(String url, MediaHosts hosts, long maxBytes) {
        return fetch(url, hosts, maxBytes, null);
    }

    /**
     * {@link #fetch(String, MediaHosts, long)} with {@code Authorization: Bearer <token>} (WhatsApp's
     * media URLs need the access token); the header goes only to the first URL's host, never
     * to a host a redirect leads to.
     */
    public Fetched fetch(String url, MediaHosts hosts, long maxBytes, @Nullable String bearerToken) {
        URI uri = parse(url);
        String authorizedHost = uri.getHost();
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            check(uri, hosts);
            HttpResponse<InputStream> response = send(
                    uri, bearerToken != null && uri.getHost().equalsIgnoreCase(authorizedHost) ? bearerToken : null);
            int status = response.statusCode();
            if (REDIRECTS.contains(status)) {
                close(response.body());
                String location = response.headers()
                        .firstValue("Location")
                        .orElseThrow(() -> new ProviderErrors.ProviderException(status, "Redirect without a location"));
                uri = parse(uri.resolve(location.strip()).toString());
                continue;
            }
            if (status < 200 || status > 299) {
                close(response.body());
                throw new ProviderErrors.ProviderException(status, "HTTP " + status + " from " + uri.getHost());
            }
            long declared =
                    response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > maxBytes) {
                close(response.body());
                throw new MediaPolicy.MediaRejectedException(
                        "File too large: " + declared + " bytes (limit " + maxBytes + ")");
            }
            return new Fetched(
                    response.headers().firstValue("Content-Type").orElse(null), read(response.body(), maxBytes));
        }
        throw new UnsafeUrlException("Too many redirects (more than " + MAX_REDIRECTS + ")");
    }

    /** Whether the URL's host is allowed and resolves to public addresses only; throws why not. */
    void check(URI uri, MediaHosts hosts) {
        String host = uri.getHost();
        if (!hosts.allows(host)) {
            throw new UnsafeUrlException("Media host not allowed: " + host);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw new UncheckedIOException(new UnknownHostException("Unknown host " + host));
        }
        if (addresses.length == 0) {
            throw new UncheckedIOException(new UnknownHostException("Unknown host " + host));
        }
        for (InetAddress address : addresses) {
            String refusal = PublicAddresses.refusal(address, allowLoopback);
            if (refusal != null) {
                throw new UnsafeUrlException("Media address not allowed (" + refusal + "): " + host);
            }
        }
    }

    private static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new UnsafeUrlException("Not a valid media URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new UnsafeUrlException("Media URL is not http(s)");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new UnsafeUrlException("Media URL without a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new UnsafeUrlException("Media URL with credentials");
        }
        return uri;
    }

    private HttpResponse<InputStream> send(URI uri, @Nullable String bearerToken) {
        var builder = HttpRequest.newBuilder(uri).GET().timeout(Duration.ofSeconds(30));
        if (bearerToken != null) {
            builder.header("Authorization", "Bearer " + bearerToken);
        }
        var request = builder.build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new java.io.InterruptedIOException("Interrupted"));
        }
    }

    /** Reads the body within the download timeout (a stalled body would hold the worker forever). */
    private byte[] read(InputStream body, long maxBytes) {
        var done = new AtomicBoolean();
        CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .execute(() -> {
                    if (!done.get()) {
                        close(body);
                    }
                });
        try (body) {
            return ProviderHttp.readLimited(body, maxBytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            done.set(true);
        }
    }

    private static void close(@Nullable InputStream body) {
        if (body != null) {
            try {
                body.close();
            } catch (IOException e) {
                // nothing to do: the response is abandoned anyway
            }
        }
    }

    /** What the provider sent: its declared content type (possibly none) and the bytes. */
    public record Fetched(@Nullable String contentType, byte[] content) {}

    /** A media URL refused by the SSRF rules: retrying cannot help. */
    public static class UnsafeUrlException extends MediaPolicy.MediaRejectedException {

        public UnsafeUrlException(String message) {
            super(message);
        }
    }
}
