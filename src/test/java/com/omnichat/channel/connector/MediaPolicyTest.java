package com.omnichat.channel.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A client's file is accepted up to the size limit, and rendered only as what its bytes and an allowed type say. */
class MediaPolicyTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13};
    private static final byte[] SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] TEXT = "Delivery to Lviv, please".getBytes(StandardCharsets.UTF_8);

    private final MediaPolicy policy = new MediaPolicy(1024);

    @Test
    void aFileUpToTheLimitIsAcceptedOneByteMoreIsRefused() {
        policy.checkSize(1024);

        assertThatThrownBy(() -> policy.checkSize(1025))
                .isInstanceOf(MediaPolicy.MediaRejectedException.class)
                .hasMessage("File too large: 1025 bytes (limit 1024)");
    }

    @Test
    void anImageIsWhatItsBytesProveWhateverWasDeclared() {
        assertThat(policy.contentType("application/octet-stream", PNG)).isEqualTo("image/png");
        assertThat(policy.contentType(null, PNG)).isEqualTo("image/png");
        assertThat(policy.contentType("image/png", TEXT))
                .as("says image, is not one")
                .isEqualTo(MediaPolicy.OPAQUE);
        assertThat(policy.contentType("image/svg+xml", SVG))
                .as("never rendered")
                .isEqualTo(MediaPolicy.OPAQUE);
    }

    @Test
    void otherFilesKeepAnAllowedDeclaredTypeAndEverythingElseIsAnOpaqueDownload() {
        assertThat(policy.contentType("application/pdf", TEXT)).isEqualTo("application/pdf");
        assertThat(policy.contentType("Text/Plain; charset=UTF-8", TEXT)).isEqualTo("text/plain");
        assertThat(policy.contentType("audio/ogg", TEXT)).isEqualTo("audio/ogg");
        assertThat(policy.contentType("text/html", TEXT)).isEqualTo(MediaPolicy.OPAQUE);
        assertThat(policy.contentType("application/javascript", TEXT)).isEqualTo(MediaPolicy.OPAQUE);
        assertThat(policy.contentType(null, TEXT)).isEqualTo(MediaPolicy.OPAQUE);
    }
}
