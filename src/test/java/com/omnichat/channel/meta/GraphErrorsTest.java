package com.omnichat.channel.meta;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.channel.connector.DeliveryException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Graph's error envelope mapped once: throttling, an invalid token, transient and permanent errors. */
class GraphErrorsTest {

    @ParameterizedTest
    @ValueSource(ints = {4, 17, 32, 613, 80007, 130429})
    void throttlingCodesAreRateLimitedWithAWait(int code) {
        GraphException e = error(400, code, 0, "limit", Map.of());

        assertThat(e.kind()).isEqualTo(GraphException.Kind.RATE_LIMITED);
        DeliveryException delivery = e.toDelivery();
        assertThat(delivery.kind()).isEqualTo(DeliveryException.Kind.RATE_LIMITED);
        assertThat(delivery.retryAfter()).isPositive();
    }

    @Test
    void theUsageHeadersEstimatedTimeToRegainAccessIsTheWait() {
        GraphException e = error(
                400,
                32,
                0,
                "Page request limit reached",
                Map.of(
                        "x-business-use-case-usage",
                        "{\"112233\":[{\"type\":\"pages\",\"call_count\":100,\"total_cputime\":25,\"total_time\":25,"
                                + "\"estimated_time_to_regain_access\":7}]}"));

        assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(7));
        assertThat(e.getMessage())
                .isEqualTo("Meta: the Page's request limit is reached; it is sent again later (code 32)");
    }

    @Test
    void anExpiredTokenIsItsOwnKindAndFailsTheMessage() {
        GraphException e = error(401, 190, 463, "Error validating access token: Session has expired", Map.of());

        assertThat(e.kind()).isEqualTo(GraphException.Kind.TOKEN_INVALID);
        assertThat(e.toDelivery().kind()).isEqualTo(DeliveryException.Kind.PERMANENT);
        assertThat(e.subcode()).isEqualTo(463);
        assertThat(e.fbtraceId()).isEqualTo("AbC123");
    }

    @Test
    void serverErrorsTransientErrorsAndPagesThatAreNoEnvelopeAreRetryable() {
        assertThat(error(500, 2, 0, "Service temporarily unavailable", Map.of()).kind())
                .isEqualTo(GraphException.Kind.RETRYABLE);
        var transientOne = GraphErrors.fromAnswer(400, """
                {"error":{"message":"An unexpected error has occurred.","type":"OAuthException","code":1200,
                "is_transient":true,"fbtrace_id":"x"}}""".getBytes(StandardCharsets.UTF_8), Map.of(), List.of());
        assertThat(transientOne.kind()).isEqualTo(GraphException.Kind.RETRYABLE);
        var proxyPage = GraphErrors.fromAnswer(
                502, "<html>Bad gateway</html>".getBytes(StandardCharsets.UTF_8), Map.of(), List.of());
        assertThat(proxyPage.kind()).isEqualTo(GraphException.Kind.RETRYABLE);
        assertThat(proxyPage.getMessage()).isEqualTo("Meta: HTTP 502");
    }

    @Test
    void knownCodesGetAReadableTextAndUnknownOnesGraphsMessageRedacted() {
        assertThat(error(400, 10, 2018278, "(#10) This message is sent outside of allowed window.", Map.of())
                        .getMessage())
                .isEqualTo("Outside the messaging window: the client last wrote too long ago " + "(code 10/2018278)");
        GraphException unknown = GraphErrors.fromAnswer(
                400, """
                {"error":{"message":"(#100) Invalid parameter for page EAAGsecretsecret access_token=EAAGsecretsecret",
                "type":"OAuthException","code":100,"fbtrace_id":"x"}}""".getBytes(StandardCharsets.UTF_8), Map.of(), List.of("EAAGsecretsecret"));
        assertThat(unknown.kind()).isEqualTo(GraphException.Kind.PERMANENT);
        assertThat(unknown.getMessage())
                .isEqualTo("Meta: (#100) Invalid parameter for page *** access_token=*** " + "(code 100)");
    }

    private static GraphException error(int http, int code, int subcode, String message, Map<String, String> headers) {
        String body = """
                {"error":{"message":"%s","type":"OAuthException","code":%d,%s"fbtrace_id":"AbC123"}}""".formatted(message, code, subcode == 0 ? "" : "\"error_subcode\":" + subcode + ",");
        return GraphErrors.fromAnswer(http, body.getBytes(StandardCharsets.UTF_8), headers, List.of());
    }
}
