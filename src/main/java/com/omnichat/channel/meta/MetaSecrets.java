package com.omnichat.channel.meta;

import com.omnichat.channel.connector.SecretField;

/** The secret names every Meta channel uses, and their form fields. */
public final class MetaSecrets {

    /** The app secret: the key of X-Hub-Signature-256. */
    public static final String APP_SECRET = "appSecret";
    /** The Page, Instagram user or system user access token of Graph API calls. */
    public static final String ACCESS_TOKEN = "accessToken";
    /** Generated: pasted into the Meta app as the webhook's verify token. */
    public static final String VERIFY_TOKEN = "verifyToken";

    private MetaSecrets() {}

    public static SecretField appSecret() {
        return SecretField.asked(APP_SECRET, "channels.meta.app-secret");
    }

    public static SecretField accessToken() {
        return SecretField.asked(ACCESS_TOKEN, "channels.meta.access-token");
    }

    public static SecretField verifyToken() {
        return SecretField.generated(VERIFY_TOKEN);
    }
}
