package com.omnichat.base;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code omnichat.*} settings of the installation as a whole (each module binds its own part).
 *
 * @param publicUrl public base URL of this installation (webhook URLs for providers, links to files sent
 *                  to clients), e.g. {@code https://chat.shop.example}, without a trailing slash; empty
 *                  when not configured
 * @param secretKey AES-GCM key for channel secrets and visitor tokens (32 random bytes, base64)
 */
@ConfigurationProperties("omnichat")
public record OmnichatProperties(
        @DefaultValue("") String publicUrl,
        @DefaultValue("") String secretKey) {

    public OmnichatProperties {
        publicUrl = publicUrl.strip().replaceAll("/+$", "");
    }
}
