package com.omnichat.channel.internal;

import com.omnichat.base.OmnichatProperties;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Encrypts channel secrets at rest with AES-256-GCM. The key comes from the environment
 * ({@code OMNICHAT_SECRET_KEY}: 32 random bytes in base64, e.g. {@code openssl rand -base64 32};
 * any other text of 32+ characters is hashed to a key). Without a key the production build
 * (no Vaadin development tools on the class path) does not start; a development build
 * generates a throw-away key and warns. The dev and test profiles set a fixed, public key,
 * which is refused unless one of those profiles is active.
 * <p>
 * Format: version byte, 12-byte nonce, ciphertext with tag. Version 2 binds a ciphertext to
 * its channel (the associated data names the channel id): secrets copied into another
 * channel's row do not decrypt. Version 1 (before that) is still read and rewritten as
 * version 2 at start-up ({@link SecretUpgrade}) and on the channel's next save.
 */
@Component
public class SecretCipher {

    static final byte LEGACY = 1;
    static final byte VERSION = 2;
    private static final int NONCE_BYTES = 12;
    private static final String AAD = "omnichat-channel-secrets";
    /** The keys in application-dev.yaml and application-test.yaml: published with the source. */
    static final List<String> PUBLIC_KEYS =
            List.of("ZGV2LW9ubHkta2V5LW9tbmljaGF0LTMyLWJ5dGVzISE=", "dGVzdC1vbmx5LWtleS1vbW5pY2hhdC0zMi1ieXRlcyE=");

    private final SecureRandom random = new SecureRandom();
    private final SecretKey key;

    @Autowired
    SecretCipher(OmnichatProperties installation, Environment environment) {
        this(installation.secretKey(), environment);
    }

    SecretCipher(String configured, Environment environment) {
        refusePublicKey(configured, environment.acceptsProfiles(Profiles.of("dev | test")));
        this.key = configured.isBlank() && developmentBuild() ? generated() : keyOf(configured);
    }

    static void refusePublicKey(String configured, boolean developmentProfile) {
        if (!developmentProfile && !configured.isBlank()) {
            SecretKey given = keyOf(configured);
            for (String known : PUBLIC_KEYS) {
                if (Arrays.equals(given.getEncoded(), keyOf(known).getEncoded())) {
                    throw new IllegalStateException("OMNICHAT_SECRET_KEY is the public development/test key from "
                            + "the source code: anyone could decrypt the channel secrets. Set your own key "
                            + "(openssl rand -base64 32), or run with the dev or test profile.");
                }
            }
        }
    }

    private static boolean developmentBuild() {
        return ClassUtils.isPresent(
                "com.vaadin.base.devserver.DevModeHandlerManagerImpl", SecretCipher.class.getClassLoader());
    }

    private SecretKey generated() {
        LoggerFactory.getLogger(SecretCipher.class)
                .warn("OMNICHAT_SECRET_KEY is not set: using a key generated "
                        + "for this run only (channel secrets saved now cannot be read after a restart)");
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return new SecretKeySpec(bytes, "AES");
    }

    static SecretKey keyOf(String configured) {
        String value = configured.strip();
        if (value.isEmpty()) {
            throw new IllegalStateException("OMNICHAT_SECRET_KEY is not set: channel secrets cannot be encrypted. "
                    + "Set it to 32 random bytes in base64 (openssl rand -base64 32).");
        }
        try {
            byte[] decoded = Base64.getDecoder().decode(value);
            if (decoded.length == 32) {
                return new SecretKeySpec(decoded, "AES");
            }
        } catch (IllegalArgumentException notBase64) {
            // fall through: a passphrase
        }
        if (value.length() < 32) {
            throw new IllegalStateException("OMNICHAT_SECRET_KEY is too short: use 32 random bytes in base64");
        }
        try {
            return new SecretKeySpec(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Encrypts the secrets of channel {@code channelId}; only that channel's row decrypts them. */
    public byte[] encrypt(long channelId, String plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(aad(channelId));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
                    .put(VERSION)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt", e);
        }
    }

    /** Decrypts what {@link #encrypt} stored for this channel (or a version-1 ciphertext of before). */
    public String decrypt(long channelId, byte[] stored) {
        if (stored.length < 1 + NONCE_BYTES + 16 || (stored[0] != VERSION && stored[0] != LEGACY)) {
            throw new IllegalStateException("Not an encrypted secret");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, stored, 1, NONCE_BYTES));
            cipher.updateAAD(stored[0] == LEGACY ? AAD.getBytes(StandardCharsets.US_ASCII) : aad(channelId));
            byte[] plain = cipher.doFinal(stored, 1 + NONCE_BYTES, stored.length - 1 - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "Cannot decrypt the secrets of channel " + channelId
                            + " (was OMNICHAT_SECRET_KEY changed, or were they copied from another channel?)",
                    e);
        }
    }

    /** True for a ciphertext of before version 2 (not bound to its channel), to be rewritten. */
    public static boolean isLegacy(byte[] stored) {
        return stored.length > 0 && stored[0] == LEGACY;
    }

    private static byte[] aad(long channelId) {
        return (AAD + ":channel:" + channelId).getBytes(StandardCharsets.US_ASCII);
    }
}
