package com.omnichat.channel.meta;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * {@code omnichat.channels.meta.*}: where the Graph API is and which version is called. Tests
 * point the base URLs at a fake on loopback; production keeps Meta's.
 */
@Component
@ConfigurationProperties("omnichat.channels.meta")
public class MetaProperties {

    /** graph.facebook.com: Messenger, Instagram with Facebook Login (Page token), WhatsApp Cloud API. */
    private String graphBaseUrl = "https://graph.facebook.com";
    /** graph.instagram.com: Instagram API with Instagram Login (Instagram user token). */
    private String instagramBaseUrl = "https://graph.instagram.com";
    /** The newest stable Graph API version when this was written (v26.0, July 2026). */
    private String apiVersion = "v26.0";
    /** Hosts clients' files are downloaded from (Meta's CDNs); "*.x" matches subdomains of x. */
    private String mediaHosts =
            "*.fbcdn.net,*.cdninstagram.com,lookaside.fbsbx.com,*.fbsbx.com," + "lookaside.facebook.com,*.whatsapp.net";

    public String getGraphBaseUrl() {
        return graphBaseUrl;
    }

    public void setGraphBaseUrl(String graphBaseUrl) {
        this.graphBaseUrl = trim(graphBaseUrl);
    }

    public String getInstagramBaseUrl() {
        return instagramBaseUrl;
    }

    public void setInstagramBaseUrl(String instagramBaseUrl) {
        this.instagramBaseUrl = trim(instagramBaseUrl);
    }

    public String getApiVersion() {
        return apiVersion;
    }

    public void setApiVersion(String apiVersion) {
        this.apiVersion = apiVersion.strip();
    }

    public String getMediaHosts() {
        return mediaHosts;
    }

    public void setMediaHosts(String mediaHosts) {
        this.mediaHosts = mediaHosts;
    }

    private static String trim(String url) {
        return url.strip().replaceAll("/+$", "");
    }
}
