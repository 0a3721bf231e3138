package com.omnichat.channel.meta;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code omnichat.channels.meta.*}: where the Graph API is and which version is called. Tests
 * point the base URLs at a fake on loopback; production keeps Meta's.
 *
 * @param graphBaseUrl     graph.facebook.com: Messenger, Instagram with Facebook Login (Page token), WhatsApp
 *                         Cloud API
 * @param instagramBaseUrl graph.instagram.com: Instagram API with Instagram Login (Instagram user token)
 * @param apiVersion       the newest stable Graph API version when this was written (v26.0, July 2026)
 * @param mediaHosts       hosts clients' files are downloaded from (Meta's CDNs); "*.x" matches subdomains of x
 */
@ConfigurationProperties("omnichat.channels.meta")
public record MetaProperties(
        @DefaultValue("https://graph.facebook.com") String graphBaseUrl,
        @DefaultValue("https://graph.instagram.com") String instagramBaseUrl,
        @DefaultValue("v26.0") String apiVersion,
        @DefaultValue(MetaProperties.META_CDNS) String mediaHosts) {

    static final String META_CDNS =
            "*.fbcdn.net,*.cdninstagram.com,lookaside.fbsbx.com,*.fbsbx.com,lookaside.facebook.com,*.whatsapp.net";

    public MetaProperties {
        graphBaseUrl = trim(graphBaseUrl);
        instagramBaseUrl = trim(instagramBaseUrl);
        apiVersion = apiVersion.strip();
    }

    private static String trim(String url) {
        return url.strip().replaceAll("/+$", "");
    }
}
