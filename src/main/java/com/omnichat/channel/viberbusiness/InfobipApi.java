package com.omnichat.channel.viberbusiness;

import com.omnichat.channel.connector.ProviderErrors;
import com.omnichat.channel.internal.Json;
import com.omnichat.channel.internal.ProviderHttp;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/**
 * Infobip's REST API over Spring's RestClient: {@code Authorization: App <api key>} against
 * the account's own base URL ({@code https://xxxxx.api.infobip.com}). Errors come in two
 * documented envelopes, {@code requestError.serviceException.{messageId,text}} and the newer
 * {@code {errorCode, description, violations[]}}; either becomes an {@link InfobipException}
 * with Infobip's own words, redacted, never the HTTP client's message (it names the URL).
 */
@Component
class InfobipApi {

    private final RestClient client = ProviderHttp.client(Duration.ofSeconds(30));

    JsonNode get(String baseUrl, String apiKey, String path) {
        return call("GET", baseUrl, apiKey, path, null);
    }

    JsonNode post(String baseUrl, String apiKey, String path, Object body) {
        return call("POST", baseUrl, apiKey, path, body);
    }

    private JsonNode call(String method, String baseUrl, String apiKey, String path, @Nullable Object body) {
        Answer answer;
        try {
            var request = client.method(org.springframework.http.HttpMethod.valueOf(method))
                    .uri(trim(baseUrl) + path)
                    .header(HttpHeaders.AUTHORIZATION, "App " + apiKey)
                    .accept(MediaType.APPLICATION_JSON);
            if (body != null) {
                request = request.contentType(MediaType.APPLICATION_JSON).body(Json.write(body));
            }
            answer = request.exchange((req, response) -> new Answer(
                    response.getStatusCode().value(),
                    response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER),
                    response.getBody().readAllBytes()));
        } catch (RestClientException | IllegalArgumentException e) {
            throw new InfobipException(0, "Infobip unreachable: " + ProviderErrors.describe(e, List.of(apiKey)), null);
        }
        JsonNode json;
        try {
            json = answer.body().length == 0 ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(answer.body());
        } catch (RuntimeException e) {
            throw new InfobipException(
                    answer.status(), "Unexpected answer from Infobip (HTTP " + answer.status() + ")", null);
        }
        if (answer.status() >= 300) {
            throw new InfobipException(
                    answer.status(),
                    ProviderErrors.redact(error(json, answer.status()), List.of(apiKey)),
                    retryAfter(answer.retryAfter()));
        }
        return json;
    }

    /** Infobip's own description of the failure, from whichever envelope it used. */
    static String error(JsonNode json, int status) {
        JsonNode service = json.path("requestError").path("serviceException");
        if (service.isObject()) {
            String text = service.path("text").asString("");
            String id = service.path("messageId").asString("");
            return text.isBlank()
                    ? (id.isBlank() ? "HTTP " + status : id)
                    : text + (id.isBlank() ? "" : " (" + id + ")");
        }
        if (json.has("description") || json.has("errorCode")) {
            StringBuilder text = new StringBuilder(json.path("description").asString("HTTP " + status));
            for (JsonNode violation : json.path("violations")) {
                text.append("; ")
                        .append(violation.path("property").asString(""))
                        .append(": ")
                        .append(violation.path("violation").asString(""));
            }
            String code = json.path("errorCode").asString("");
            return text + (code.isBlank() ? "" : " (" + code + ")");
        }
        return "HTTP " + status;
    }

    private static @Nullable Duration retryAfter(@Nullable String header) {
        if (header == null || !header.strip().matches("[0-9]{1,6}")) {
            return null;
        }
        return Duration.ofSeconds(Long.parseLong(header.strip()));
    }

    private static String trim(String url) {
        return url.strip().replaceAll("/+$", "");
    }

    private record Answer(int status, @Nullable String retryAfter, byte[] body) {}

    /** A failed Infobip call: the HTTP status (0: no answer) and Infobip's description; safe to show. */
    static class InfobipException extends ProviderErrors.ProviderException {

        private final @Nullable Duration retryAfter;

        InfobipException(int status, String message, @Nullable Duration retryAfter) {
            super(status, message);
            this.retryAfter = retryAfter;
        }

        @Nullable
        Duration retryAfter() {
            return retryAfter;
        }
    }
}
