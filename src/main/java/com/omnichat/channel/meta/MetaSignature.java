package com.omnichat.channel.meta;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * X-Hub-Signature-256: {@code sha256=} and the hex HMAC-SHA256 of the raw body with the app
 * secret. Always computed over the bytes as received: Meta escapes non-ASCII as {@code \\uXXXX},
 * so a body parsed and written again would no longer match.
 */
public final class MetaSignature {

    public static final String HEADER = "X-Hub-Signature-256";
    private static final String PREFIX = "sha256=";

    private MetaSignature() {}

    /** The header value Meta would send for this body. */
    public static String sign(String appSecret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the header is the body's signature with this secret (constant time); false when either is missing. */
    public static boolean valid(@Nullable String appSecret, byte[] body, @Nullable String header) {
        if (appSecret == null || appSecret.isBlank() || header == null) {
            return false;
        }
        String given = header.strip().toLowerCase(Locale.ROOT);
        return MessageDigest.isEqual(
                sign(appSecret, body).getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
    }
}
