package com.omnichat.channel.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.ResourceAccessException;

/** What a provider failure may say once it is stored, shown or logged. */
class ProviderErrorsTest {

    static final String TOKEN = "7000001:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
    static final String URL = "https://api.telegram.org/bot" + TOKEN + "/sendMessage";

    @Test
    void anHttpClientFailureSaysWhatWentWrongButNeverItsUrl() {
        var refused = new ResourceAccessException(
                "I/O error on POST request for \"" + URL + "\": null", new ConnectException());
        var timedOut = new ResourceAccessException(
                "I/O error on POST request for \"" + URL + "\": timed out",
                new HttpTimeoutException("request timed out"));
        var reset = new ResourceAccessException(
                "I/O error on POST request for \"" + URL + "\"", new IOException("Connection reset"));

        assertThat(ProviderErrors.describe(refused)).isEqualTo("Provider unreachable (ConnectException)");
        assertThat(ProviderErrors.describe(timedOut))
                .isEqualTo("Provider did not answer in time (HttpTimeoutException)");
        assertThat(ProviderErrors.describe(reset)).isEqualTo("Network error (IOException: Connection reset)");
        assertThat(ProviderErrors.describe(new IllegalStateException("wrapped", refused)))
                .isEqualTo("Provider unreachable (ConnectException)");
    }

    @Test
    void theProvidersOwnDescriptionIsKeptRedacted() {
        var blocked = new ProviderErrors.ProviderException(403, "Forbidden: bot was blocked by the user");
        var echoing = new ProviderErrors.ProviderException(400, "Bad Request: " + URL);

        assertThat(ProviderErrors.describe(blocked)).isEqualTo("Forbidden: bot was blocked by the user");
        assertThat(ProviderErrors.describe(new RuntimeException("x", echoing)))
                .isEqualTo("Bad Request: https://api.telegram.org/bot***/sendMessage");
        assertThat(ProviderErrors.describe(DeliveryException.permanent("Forbidden " + TOKEN)))
                .isEqualTo("Forbidden ***");
    }

    @Test
    void ourOwnBugsKeepTheirMessageRedacted() {
        assertThat(ProviderErrors.describe(new IllegalStateException("Channel gone")))
                .isEqualTo("Unexpected error (IllegalStateException: Channel gone)");
        assertThat(ProviderErrors.describe(new IllegalArgumentException("bad uri " + URL)))
                .doesNotContain(TOKEN)
                .contains("/bot***/");
    }

    @Test
    void secretsAreRedactedWhereverTheyAppear() {
        assertThat(ProviderErrors.redact("GET /file/bot" + TOKEN + "/photos/1.jpg"))
                .isEqualTo("GET /file/bot***/photos/1.jpg");
        assertThat(ProviderErrors.redact("token " + TOKEN + " rejected")).isEqualTo("token *** rejected");
        assertThat(ProviderErrors.redact("https://graph.facebook.com/me?access_token=EAAG123&fields=id"))
                .isEqualTo("https://graph.facebook.com/me?access_token=***&fields=id");
        assertThat(ProviderErrors.redact("Authorization: Bearer abc.def")).isEqualTo("Authorization: ***");
        assertThat(ProviderErrors.redact("X-Viber-Auth-Token: 445da6az1s345z78-dazcczb2542zv51a"))
                .isEqualTo("X-Viber-Auth-Token: ***");
        assertThat(ProviderErrors.redact("https://user:pa55@host/x")).isEqualTo("https://***@host/x");
        assertThat(ProviderErrors.redact("short 7000001:AAE-test-token here", List.of("7000001:AAE-test-token")))
                .isEqualTo("short *** here");
        assertThat(ProviderErrors.describe(new IllegalStateException("a short-token"), List.of("short-token")))
                .doesNotContain("short-token");
    }
}
