package com.omnichat.base;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.SequencedMap;
import org.jspecify.annotations.Nullable;

/**
 * How a stored file (a client's or a manager's upload, a profile photo, outbound media) is
 * handed to a browser. Only raster images recognised by their first bytes (JPEG, PNG, GIF,
 * WebP) are shown inline, with their real type; everything else — SVG, HTML, anything
 * unknown, whatever its uploader claimed — is a download the browser neither renders nor
 * sniffs, and that could not run script even if it were opened (CSP sandbox). The decision
 * is made from the bytes at every response, so a file stored under a wrong type earlier is
 * served safely too.
 */
public final class ServedFiles {

    /** What a download is sent as: never a type a browser would render. */
    public static final String DOWNLOAD_TYPE = "application/octet-stream";

    private ServedFiles() {}

    /** The raster image type the bytes are, or null when they are no JPEG, PNG, GIF or WebP. */
    public static @Nullable String rasterImageType(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
            return "image/gif";
        }
        if (b.length >= 12
                && b[0] == 'R'
                && b[1] == 'I'
                && b[2] == 'F'
                && b[3] == 'F'
                && b[8] == 'W'
                && b[9] == 'E'
                && b[10] == 'B'
                && b[11] == 'P') {
            return "image/webp";
        }
        return null;
    }

    /**
     * The type to record for an upload: the image type its bytes prove, otherwise what the
     * uploader declared — unless that claims an image (an SVG, or a lie) or a page, which is
     * recorded as an opaque file.
     */
    public static String recordedType(@Nullable String declared, byte[] content) {
        String image = rasterImageType(content);
        if (image != null) {
            return image;
        }
        String type = declared == null
                ? ""
                : declared.toLowerCase(Locale.ROOT).split(";")[0].strip();
        if (type.isEmpty()
                || type.startsWith("image/")
                || type.startsWith("text/html")
                || type.contains("xml")
                || type.contains("javascript")
                || !type.matches("[a-z0-9.+-]+/[a-z0-9.+-]+")) {
            return DOWNLOAD_TYPE;
        }
        return type;
    }

    /** True when the file is shown inline (a raster image by its bytes). */
    public static boolean inline(byte[] content) {
        return rasterImageType(content) != null;
    }

    /**
     * The response headers for the file, in order: Content-Type, Content-Disposition,
     * X-Content-Type-Options and, for downloads, Content-Security-Policy.
     */
    public static SequencedMap<String, String> headers(String fileName, byte[] content) {
        String image = rasterImageType(content);
        SequencedMap<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", image != null ? image : DOWNLOAD_TYPE);
        headers.put("Content-Disposition", contentDisposition(image != null ? "inline" : "attachment", fileName));
        headers.put("X-Content-Type-Options", "nosniff");
        if (image == null) {
            // Opened anyway (saved and dragged back in, a proxy that drops the disposition): no script, no origin.
            headers.put("Content-Security-Policy", "sandbox");
        }
        return headers;
    }

    /**
     * An RFC 6266 header value: a plain ASCII {@code filename} fallback (quotes, backslashes,
     * control and non-ASCII characters replaced) and the exact name as RFC 5987 {@code filename*}.
     */
    static String contentDisposition(String disposition, String fileName) {
        String name = fileName.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
        if (name.isEmpty()) {
            name = "file";
        }
        StringBuilder ascii = new StringBuilder();
        name.codePoints()
                .forEach(
                        c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' ? (char) c : '_'));
        return disposition + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + rfc5987(name);
    }

    private static String rfc5987(String value) {
        var out = new ByteArrayOutputStream();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.write(c);
            } else {
                out.writeBytes(String.format("%%%02X", c).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}
