package com.omnichat.channel.meta;

import com.omnichat.channel.connector.ConnectedChannel;
import com.omnichat.channel.connector.UnparseableEventException;
import com.omnichat.channel.connector.WebhookRequest;
import com.omnichat.channel.internal.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The parts of a Meta webhook every Meta connector handles the same way: the verification
 * handshake, the signature, and the envelope ({@code object}, {@code entry[]}).
 */
public final class MetaWebhooks {

    private MetaWebhooks() {}

    /**
     * {@code hub.mode=subscribe} with the channel's verify token (compared in constant time):
     * the {@code hub.challenge} to echo; anything else empty (answered 403).
     */
    public static Optional<String> verify(ConnectedChannel channel, Map<String, String> query) {
        String expected = channel.secrets().get(MetaSecrets.VERIFY_TOKEN);
        String given = query.get("hub.verify_token");
        String challenge = query.get("hub.challenge");
        if (expected == null
                || expected.isBlank()
                || given == null
                || challenge == null
                || !"subscribe".equals(query.get("hub.mode"))) {
            return Optional.empty();
        }
        boolean same = MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
        return same ? Optional.of(challenge) : Optional.empty();
    }

    /** X-Hub-Signature-256 over the raw body with the channel's app secret. */
    public static boolean authentic(ConnectedChannel channel, WebhookRequest request) {
        return MetaSignature.valid(
                channel.secrets().get(MetaSecrets.APP_SECRET), request.body(), request.header(MetaSignature.HEADER));
    }

    /**
     * The body as a tree, required to be an object with an {@code entry} array (and, when
     * {@code object} is given, that object type: "instagram", "page", "whatsapp_business_account").
     */
    public static JsonNode envelope(byte[] body, @Nullable String object) throws UnparseableEventException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (RuntimeException e) {
            throw new UnparseableEventException("Not JSON", e);
        }
        if (root == null || !root.isObject() || !root.path("entry").isArray()) {
            throw new UnparseableEventException("Not a Meta webhook (no entry[])");
        }
        if (object != null
                && root.has("object")
                && !object.equals(root.path("object").asString(""))) {
            throw new UnparseableEventException(
                    "Webhook for object " + root.path("object").asString("?") + ", expected " + object);
        }
        return root;
    }

    /**
     * The stored event's key: the body's hash. A redelivered batch is stored once; its items
     * are idempotent on their own ids all the same (another batch may repeat one of them).
     */
    public static String key(byte[] body) {
        try {
            return "meta:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An id that may come as a JSON number (Messenger's sample payloads) or a string. */
    public static String id(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().toString();
        }
        return node.isString() ? node.asString() : "";
    }
}
