package com.omnichat.channel.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Encrypts channel secrets at rest with AES-256-GCM. The key comes from the environment
 * ({@code OMNICHAT_SECRET_KEY}: 32 random bytes in base64, e.g. {@code openssl rand -base64 32};
 * any other text of 32+ characters is hashed to a key). Without a key the production build
 * (no Vaadin development tools on the class path) does not start; a development build
 * generates a throw-away key and warns. The dev and test profiles set a fixed, public key.
 * Format: version byte, 12-byte nonce, ciphertext with tag.
 */
@Component
public class SecretCipher {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final byte[] AAD = "omnichat-channel-secrets".getBytes(StandardCharsets.US_ASCII);

    private final SecureRandom random = new SecureRandom();
    private final SecretKey key;

    SecretCipher(@Value("${omnichat.secret-key:}") String configured) {
        this.key = configured.isBlank() && developmentBuild() ? generated() : keyOf(configured);
    }

    private static boolean developmentBuild() {
        return ClassUtils.isPresent("com.vaadin.base.devserver.DevModeHandlerManagerImpl",
                SecretCipher.class.getClassLoader());
    }

    private SecretKey generated() {
        LoggerFactory.getLogger(SecretCipher.class).warn("OMNICHAT_SECRET_KEY is not set: using a key generated "
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
            return new SecretKeySpec(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)),
                    "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] encrypt(String plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(AAD);
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt", e);
        }
    }

    public String decrypt(byte[] stored) {
        if (stored.length < 1 + NONCE_BYTES + 16 || stored[0] != VERSION) {
            throw new IllegalStateException("Not an encrypted secret");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, stored, 1, NONCE_BYTES));
            cipher.updateAAD(AAD);
            byte[] plain = cipher.doFinal(stored, 1 + NONCE_BYTES, stored.length - 1 - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot decrypt channel secrets (was OMNICHAT_SECRET_KEY changed?)", e);
        }
    }
}
