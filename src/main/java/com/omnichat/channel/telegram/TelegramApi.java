package com.omnichat.channel.telegram;

import com.omnichat.channel.ChannelProperties;
import com.omnichat.channel.connector.MediaPolicy;
import com.omnichat.channel.connector.ProviderErrors;
import com.omnichat.channel.internal.Json;
import com.omnichat.channel.internal.MediaFetcher;
import com.omnichat.channel.internal.MediaHosts;
import com.omnichat.channel.internal.ProviderHttp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/**
 * The Telegram Bot API over HTTPS: {@code POST {api-url}/bot<token>/<method>} with JSON or
 * multipart, answers {@code {"ok":true,"result":...}} or {@code {"ok":false,"error_code":..,
 * "description":..,"parameters":{"retry_after":..}}}. The base URL is configurable (tests
 * point it at a fake on loopback; a self-hosted Bot API server works too).
 */
@Component
public class TelegramApi {

    private final RestClient client = ProviderHttp.client(Duration.ofSeconds(30));
    private final RestClient longPolls = ProviderHttp.client(Duration.ofSeconds(75));
    private final MediaFetcher fetcher;
    private final String mediaHosts;
    private final String apiUrl;

    TelegramApi(ChannelProperties properties, MediaFetcher fetcher) {
        this.apiUrl = trim(properties.telegram().apiUrl());
        this.fetcher = fetcher;
        this.mediaHosts = properties.telegram().mediaHosts();
    }

    /** Calls a method with a JSON body; the {@code result} on success. */
    public JsonNode call(String token, String method, Map<String, ?> body) throws TelegramException {
        return call(client, token, method, body);
    }

    /** A long poll (getUpdates with a timeout). */
    public JsonNode longPoll(String token, Map<String, ?> body) throws TelegramException {
        return call(longPolls, token, "getUpdates", body);
    }

    private JsonNode call(RestClient http, String token, String method, Map<String, ?> body) throws TelegramException {
        return answer(
                () -> http.post()
                        .uri(apiUrl + "/bot" + token + "/" + method)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Json.write(body))
                        .exchange((request, response) -> response.getBody().readAllBytes()),
                token);
    }

    /** Calls a method with a file upload (sendPhoto, sendDocument). */
    public JsonNode upload(String token, String method, MultiValueMap<String, Object> parts) throws TelegramException {
        return answer(
                () -> client.post()
                        .uri(apiUrl + "/bot" + token + "/" + method)
                        .contentType(MediaType.MULTIPART_FORM_DATA)
                        .body(parts)
                        .exchange((request, response) -> response.getBody().readAllBytes()),
                token);
    }

    /**
     * Downloads a file by its file_path (from getFile), refusing more than {@code max} bytes;
     * only from the Bot API's host on public addresses (see {@link MediaFetcher}). Failures
     * come as the fetcher's exceptions, whose texts never carry the URL (it holds the token).
     */
    public byte[] download(String token, String filePath, long max) {
        return fetcher.fetch(apiUrl + "/file/bot" + token + "/" + filePath, MediaHosts.of(mediaHosts, apiUrl), max)
                .content();
    }

    public static ByteArrayResource file(String fileName, byte[] content) {
        return new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        };
    }

    private interface Exchange {
        byte[] run();
    }

    private static JsonNode answer(Exchange exchange, String token) throws TelegramException {
        byte[] bytes;
        try {
            bytes = exchange.run();
        } catch (RestClientException e) {
            // The client's message names the URL (/bot<token>/...): only its safe description is kept.
            throw new TelegramException(0, "Telegram unreachable: " + ProviderErrors.describe(e, List.of(token)), null);
        }
        JsonNode answer;
        try {
            answer = Json.MAPPER.readTree(bytes);
        } catch (RuntimeException e) {
            throw new TelegramException(0, "Unexpected answer from Telegram", null);
        }
        if (answer.path("ok").asBoolean(false)) {
            return answer.path("result");
        }
        JsonNode retryAfter = answer.path("parameters").path("retry_after");
        // Telegram's own description ("Forbidden: bot was blocked by the user"), redacted by the exception.
        throw new TelegramException(
                answer.path("error_code").asInt(0),
                ProviderErrors.redact(answer.path("description").asString("error"), List.of(token)),
                retryAfter.isNumber() ? retryAfter.asInt() : null);
    }

    private static String trim(String url) {
        return url.replaceAll("/+$", "");
    }

    /**
     * A Bot API error: {@code code} is the error_code (0: no answer), {@code retryAfter} from a 429.
     * Its text is safe to store and show (never the request URL).
     */
    public static class TelegramException extends ProviderErrors.ProviderException {

        private final @Nullable Integer retryAfter;

        TelegramException(int code, String description, @Nullable Integer retryAfter) {
            super(code, description);
            this.retryAfter = retryAfter;
        }

        public int code() {
            return status();
        }

        public @Nullable Integer retryAfter() {
            return retryAfter;
        }
    }

    static MediaPolicy.MediaRejectedException tooLarge(long size, long max) {
        return new MediaPolicy.MediaRejectedException("File too large: " + size + " bytes (limit " + max + ")");
    }
}
