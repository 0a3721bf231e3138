package com.omnichat.channel.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** Channel secrets as they were stored before they were bound to their channel (format version 1). */
public final class LegacySecrets {

    private LegacySecrets() {}

    public static byte[] encrypt(String base64Key, String plain) throws GeneralSecurityException {
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(
                Cipher.ENCRYPT_MODE,
                new SecretKeySpec(Base64.getDecoder().decode(base64Key), "AES"),
                new GCMParameterSpec(128, nonce));
        cipher.updateAAD("omnichat-channel-secrets".getBytes(StandardCharsets.US_ASCII));
        byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.allocate(1 + 12 + sealed.length)
                .put((byte) 1)
                .put(nonce)
                .put(sealed)
                .array();
    }
}
