package com.omnichat.channel.viber;

import com.omnichat.channel.ChannelProperties;
import com.omnichat.channel.connector.ProviderErrors;
import com.omnichat.channel.internal.Json;
import com.omnichat.channel.internal.MediaFetcher;
import com.omnichat.channel.internal.MediaHosts;
import com.omnichat.channel.internal.ProviderHttp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/**
 * The Viber REST Bot API: {@code POST {api-url}/<method>} with the X-Viber-Auth-Token header;
 * answers carry {@code status} (0 = ok) and {@code status_message}. The base URL is
 * configurable (tests point it at a fake on loopback).
 */
@Component
public class ViberApi {

    static final String AUTH_HEADER = "X-Viber-Auth-Token";

    private final RestClient client = ProviderHttp.client(Duration.ofSeconds(30));
    private final MediaFetcher fetcher;
    private final String mediaHosts;
    private final String apiUrl;

    ViberApi(ChannelProperties properties, MediaFetcher fetcher) {
        this.apiUrl = trim(properties.viber().apiUrl());
        this.fetcher = fetcher;
        this.mediaHosts = properties.viber().mediaHosts();
    }

    /** Calls a method; the whole answer when its status is 0. */
    public JsonNode call(String token, String method, Map<String, ?> body) throws ViberException {
        byte[] bytes;
        int http;
        try {
            var answer = client.post()
                    .uri(apiUrl + "/" + method)
                    .header(AUTH_HEADER, token)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Json.write(body))
                    .exchange((request, response) -> new Answer(
                            response.getStatusCode().value(), response.getBody().readAllBytes()));
            bytes = answer.body();
            http = answer.status();
        } catch (RestClientException e) {
            // Never the client's own message: it names the request; the token goes in a header.
            throw new ViberException(-1, "Viber unreachable: " + ProviderErrors.describe(e, List.of(token)));
        }
        JsonNode answer;
        try {
            answer = Json.MAPPER.readTree(bytes);
        } catch (RuntimeException e) {
            throw new ViberException(-1, "Unexpected answer from Viber (HTTP " + http + ")");
        }
        int status = answer.path("status").asInt(-1);
        if (status != 0) {
            // Viber's own status_message, redacted.
            throw new ViberException(
                    status,
                    ProviderErrors.redact(answer.path("status_message").asString("HTTP " + http), List.of(token)));
        }
        return answer;
    }

    /**
     * Downloads a media URL Viber gave us (refusing more than {@code max} bytes), only from
     * Viber's media hosts (and the API's own) on public addresses: see {@link MediaFetcher}.
     */
    public Download download(String url, long max) {
        MediaFetcher.Fetched file = fetcher.fetch(url, MediaHosts.of(mediaHosts, apiUrl), max);
        return new Download(file.contentType(), file.content());
    }

    public record Download(@Nullable String contentType, byte[] content) {}

    private record Answer(int status, byte[] body) {}

    private static String trim(String url) {
        return url.replaceAll("/+$", "");
    }

    /** A Viber API error: its status code (-1: no valid answer) and status_message; safe to store and show. */
    public static class ViberException extends ProviderErrors.ProviderException {

        ViberException(int status, String message) {
            super(status, message);
        }
    }
}
