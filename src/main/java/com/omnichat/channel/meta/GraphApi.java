package com.omnichat.channel.meta;

import com.omnichat.channel.ConnectionCheck;
import com.omnichat.channel.InboundAttachment;
import com.omnichat.channel.connector.ConnectedChannel;
import com.omnichat.channel.connector.MediaPolicy;
import com.omnichat.channel.connector.MediaRef;
import com.omnichat.channel.connector.ProviderErrors;
import com.omnichat.channel.internal.ChannelStateStore;
import com.omnichat.channel.internal.Json;
import com.omnichat.channel.internal.MediaFetcher;
import com.omnichat.channel.internal.MediaHosts;
import com.omnichat.channel.internal.ProviderHttp;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The Graph API ({@code {base}/{version}/{path}}) for every Meta channel. The token goes in the
 * Authorization header, never into the URL. Every failure is a {@link GraphException} built by
 * {@link GraphErrors}; an invalid token (190) also puts the channel into an error state that
 * Administration → Channels shows, and is logged (without the token) for the administrators.
 */
@Component
public class GraphApi {

    private static final Logger log = LoggerFactory.getLogger(GraphApi.class);

    /** Which Graph host a call goes to. */
    public enum Host {
        /** graph.facebook.com: Pages, Messenger, Instagram with Facebook Login, WhatsApp. */
        FACEBOOK,
        /** graph.instagram.com: Instagram API with Instagram Login. */
        INSTAGRAM
    }

    private final RestClient client = ProviderHttp.client(Duration.ofSeconds(30));
    private final MetaProperties properties;
    private final ChannelStateStore state;
    private final MediaFetcher fetcher;

    GraphApi(MetaProperties properties, ChannelStateStore state, MediaFetcher fetcher) {
        this.properties = properties;
        this.state = state;
        this.fetcher = fetcher;
    }

    /** GET with the channel's access token. */
    public JsonNode get(ConnectedChannel channel, Host host, String path, Map<String, String> query) {
        return call(channel, channel.secret(MetaSecrets.ACCESS_TOKEN), host, HttpMethod.GET, path, query, null);
    }

    /**
     * A connection check by a GET of {@code path} with {@code fields}: the account as
     * {@code accountName} reads it from the answer, or the failure in safe words.
     */
    public ConnectionCheck check(
            ConnectedChannel channel, Host host, String path, String fields, Function<JsonNode, String> accountName) {
        try {
            return ConnectionCheck.ok(accountName.apply(get(channel, host, path, Map.of("fields", fields))));
        } catch (GraphException e) {
            return ProviderErrors.failedCheck(e, channel);
        }
    }

    /** POST of a JSON body with the channel's access token. */
    public JsonNode post(ConnectedChannel channel, Host host, String path, Object body) {
        return call(channel, channel.secret(MetaSecrets.ACCESS_TOKEN), host, HttpMethod.POST, path, Map.of(), body);
    }

    /** DELETE with the channel's access token. */
    public JsonNode delete(ConnectedChannel channel, Host host, String path) {
        return call(channel, channel.secret(MetaSecrets.ACCESS_TOKEN), host, HttpMethod.DELETE, path, Map.of(), null);
    }

    /**
     * One call with an explicit token (e.g. WhatsApp's system user token under another secret
     * name). Query parameters are encoded; {@code body} is written as JSON.
     *
     * @throws GraphException any failure, its text safe to show
     */
    public JsonNode call(
            ConnectedChannel channel,
            String token,
            Host host,
            HttpMethod method,
            String path,
            Map<String, String> query,
            @Nullable Object body) {
        List<String> secrets = List.copyOf(channel.secrets().values());
        URI uri = uri(host, path, query);
        Answer answer;
        try {
            var request = client.method(method).uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            if (body != null) {
                request = request.contentType(MediaType.APPLICATION_JSON).body(Json.write(body));
            }
            answer = request.exchange((req, response) -> {
                Map<String, String> headers = new HashMap<>();
                response.getHeaders()
                        .forEach((name, values) ->
                                headers.put(name.toLowerCase(Locale.ROOT), values.isEmpty() ? "" : values.getFirst()));
                return new Answer(
                        response.getStatusCode().value(), response.getBody().readAllBytes(), headers);
            });
        } catch (RestClientException e) {
            throw GraphErrors.unreachable(e, secrets);
        }
        JsonNode json = null;
        if (answer.status() / 100 == 2) {
            try {
                json = Json.MAPPER.readTree(answer.body());
            } catch (RuntimeException e) {
                json = null;
            }
            if (json != null && !json.has("error")) {
                return json;
            }
        }
        GraphException error = GraphErrors.fromAnswer(answer.status(), answer.body(), answer.headers(), secrets);
        if (error.kind() == GraphException.Kind.TOKEN_INVALID) {
            tokenRejected(channel, error);
        } else {
            log.info(
                    "Channel {}: Graph {} {} failed: {} (fbtrace_id {})",
                    channel.id(),
                    method,
                    path,
                    error.getMessage(),
                    error.fbtraceId());
        }
        throw error;
    }

    /** The channel needs a new token: its status shows it until a successful check clears it. */
    private void tokenRejected(ConnectedChannel channel, GraphException error) {
        state.tokenRejected(channel.id(), error.getMessage());
        log.warn(
                "Channel {} ({} \"{}\"): Meta rejected the access token (code 190/{}, fbtrace_id {}); "
                        + "an administrator must enter a new one in Administration → Channels",
                channel.id(),
                channel.type(),
                channel.name(),
                error.subcode(),
                error.fbtraceId());
    }

    /** Downloads a file from Meta's CDN (size-limited, SSRF-safe: only Meta's media hosts and the API's own). */
    public MediaFetcher.Fetched download(String url, long maxBytes) {
        return fetcher.fetch(
                url,
                MediaHosts.of(properties.mediaHosts(), properties.graphBaseUrl(), properties.instagramBaseUrl()),
                maxBytes);
    }

    /** A file behind a URL that needs the access token (WhatsApp's media URLs); the token goes to that host only. */
    public MediaFetcher.Fetched download(String url, long maxBytes, String token) {
        return fetcher.fetch(
                url,
                MediaHosts.of(properties.mediaHosts(), properties.graphBaseUrl(), properties.instagramBaseUrl()),
                maxBytes,
                token);
    }

    /** A client's file a webhook referenced by URL, downloaded and checked against the policy. */
    public InboundAttachment attachment(MediaRef ref, MediaPolicy policy) {
        if (ref.size() != null) {
            policy.checkSize(ref.size());
        }
        MediaFetcher.Fetched file = download(ref.reference(), policy.maxBytes());
        String declared = file.contentType() != null ? file.contentType() : ref.contentType();
        String name = ref.fileName() != null ? ref.fileName() : ref.image() ? "picture.jpg" : "file";
        return new InboundAttachment(name, policy.contentType(declared, file.content()), file.content());
    }

    URI uri(Host host, String path, Map<String, String> query) {
        String base = host == Host.INSTAGRAM ? properties.instagramBaseUrl() : properties.graphBaseUrl();
        var builder = UriComponentsBuilder.fromUriString(base)
                .path("/" + properties.apiVersion() + "/" + path.replaceAll("^/+", ""));
        query.forEach(builder::queryParam);
        return builder.build().encode().toUri();
    }

    private record Answer(int status, byte[] body, Map<String, String> headers) {}
}
