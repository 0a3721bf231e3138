package com.omnichat.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Which files a browser may show inline: raster images by their bytes, nothing by its label. */
class ServedFilesTest {

    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};
    static final byte[] GIF = "GIF89a\1\0\1\0".getBytes(StandardCharsets.US_ASCII);
    static final byte[] WEBP = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.US_ASCII);

    @Test
    void rasterImagesAreRecognisedByTheirBytesWhateverTheyAreCalled() {
        assertThat(ServedFiles.recordedType("application/octet-stream", JPEG)).isEqualTo("image/jpeg");
        assertThat(ServedFiles.recordedType(null, GIF)).isEqualTo("image/gif");
        assertThat(ServedFiles.recordedType("text/html", WEBP)).isEqualTo("image/webp");
    }

    @Test
    void whatOnlyClaimsToBeAnImageOrIsAPageIsRecordedAsAPlainFile() {
        assertThat(ServedFiles.recordedType("image/svg+xml", SVG)).isEqualTo(ServedFiles.DOWNLOAD_TYPE);
        assertThat(ServedFiles.recordedType("image/png", SVG)).isEqualTo(ServedFiles.DOWNLOAD_TYPE);
        assertThat(ServedFiles.recordedType("text/html; charset=utf-8", SVG)).isEqualTo(ServedFiles.DOWNLOAD_TYPE);
        assertThat(ServedFiles.recordedType("application/xhtml+xml", SVG)).isEqualTo(ServedFiles.DOWNLOAD_TYPE);
        assertThat(ServedFiles.recordedType("text/javascript", SVG)).isEqualTo(ServedFiles.DOWNLOAD_TYPE);
        assertThat(ServedFiles.recordedType("not a type", SVG)).isEqualTo(ServedFiles.DOWNLOAD_TYPE);
        assertThat(ServedFiles.recordedType("application/pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("application/pdf");
    }

    @Test
    void aDownloadNameNeverBreaksTheHeader() {
        assertThat(ServedFiles.contentDisposition("attachment", "a\"b\\c\r\nd%.txt"))
                .isEqualTo("attachment; filename=\"a_b_c__d_.txt\"; filename*=UTF-8''a%22b_c__d%25.txt");
        assertThat(ServedFiles.contentDisposition("attachment", "  "))
                .isEqualTo("attachment; filename=\"file\"; filename*=UTF-8''file");
    }
}
