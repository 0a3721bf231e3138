package com.omnichat.channel.meta;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.channel.internal.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** X-Hub-Signature-256 over the raw body; reference values computed with Python's hmac module. */
class MetaSignatureTest {

    private static final String SECRET = "test-app-secret";
    /** As Meta sends it: non-ASCII escaped. */
    private static final byte[] ESCAPED = ("{\"entry\":[{\"messaging\":[{\"message\":{\"text\":"
                    + "\"\\u041f\\u0440\\u0438\\u0432\\u0456\\u0442 caf\\u00e9\"}}]}]}")
            .getBytes(StandardCharsets.US_ASCII);

    @Test
    void aBodyWithEscapedNonAsciiIsSignedOverItsBytesAsReceived() {
        assertThat(MetaSignature.sign(SECRET, ESCAPED))
                .isEqualTo("sha256=8472cdec45c8268a481f305fba320f7f82e7d3244fdd54e43c24705863368c40");
        assertThat(MetaSignature.valid(
                        SECRET, ESCAPED, "sha256=8472cdec45c8268a481f305fba320f7f82e7d3244fdd54e43c24705863368c40"))
                .isTrue();
    }

    @Test
    void theSameJsonWrittenAgainNoLongerMatches() {
        byte[] rewritten = Json.write(Json.MAPPER.readTree(ESCAPED)).getBytes(StandardCharsets.UTF_8);

        assertThat(new String(rewritten, StandardCharsets.UTF_8)).contains("Привіт café");
        assertThat(MetaSignature.valid(SECRET, rewritten, MetaSignature.sign(SECRET, ESCAPED)))
                .isFalse();
    }

    @Test
    void realNonAsciiIsSignedAsUtf8Bytes() {
        byte[] body = "{\"text\":\"Привіт 🌹\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(MetaSignature.valid(SECRET, body, MetaSignature.sign(SECRET, body)))
                .isTrue();
        assertThat(MetaSignature.valid(
                        SECRET,
                        body,
                        MetaSignature.sign(SECRET, "{\"text\":\"Привіт 🌸\"}".getBytes(StandardCharsets.UTF_8))))
                .isFalse();
    }

    @Test
    void theSampleWebhookMatchesItsReferenceSignatureAndUppercaseHexIsAccepted() throws Exception {
        byte[] body = new org.springframework.core.io.ClassPathResource("fixtures/channels/messenger_webhook_text.json")
                .getContentAsByteArray();

        assertThat(MetaSignature.valid(
                        SECRET, body, "sha256=bdd3bf74315d79a812ca33e12a3704e9f81e03e45257b99eb0b6724f3f56be24"))
                .isTrue();
        assertThat(MetaSignature.valid(
                        SECRET, body, "SHA256=BDD3BF74315D79A812CA33E12A3704E9F81E03E45257B99EB0B6724F3F56BE24"))
                .isTrue();
    }

    @Test
    void aWrongSecretMissingHeaderOrMissingSecretFails() {
        String signature = MetaSignature.sign(SECRET, ESCAPED);

        assertThat(MetaSignature.valid("other-secret", ESCAPED, signature)).isFalse();
        assertThat(MetaSignature.valid(SECRET, ESCAPED, null)).isFalse();
        assertThat(MetaSignature.valid(SECRET, ESCAPED, signature.substring("sha256=".length())))
                .isFalse();
        assertThat(MetaSignature.valid(null, ESCAPED, signature)).isFalse();
        assertThat(MetaSignature.valid(" ", ESCAPED, signature)).isFalse();
    }
}
