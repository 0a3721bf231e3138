package com.omnichat.channel.viber;

import com.omnichat.base.OmnichatProperties;
import com.omnichat.channel.Capability;
import com.omnichat.channel.ChannelType;
import com.omnichat.channel.ClientProfile;
import com.omnichat.channel.ClientState;
import com.omnichat.channel.ConnectionCheck;
import com.omnichat.channel.InboundAttachment;
import com.omnichat.channel.OutboundMessage;
import com.omnichat.channel.connector.ChannelConnector;
import com.omnichat.channel.connector.ConnectedChannel;
import com.omnichat.channel.connector.DeliveryException;
import com.omnichat.channel.connector.InboundEvent;
import com.omnichat.channel.connector.MediaPolicy;
import com.omnichat.channel.connector.MediaRef;
import com.omnichat.channel.connector.ParsedEvent;
import com.omnichat.channel.connector.ProviderErrors;
import com.omnichat.channel.connector.SecretField;
import com.omnichat.channel.connector.SendProgress;
import com.omnichat.channel.connector.SettingField;
import com.omnichat.channel.connector.UnparseableEventException;
import com.omnichat.channel.connector.WebhookRequest;
import com.omnichat.channel.internal.Json;
import com.omnichat.channel.internal.MediaStore;
import com.omnichat.channel.viber.ViberApi.ViberException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Viber bots (REST Bot API). Callbacks are signed: X-Viber-Content-Signature is the
 * HMAC-SHA256 of the raw body with the bot token, hex. Messages (text, picture, video,
 * file, location, contact, sticker, url), subscribed/unsubscribed, conversation_started
 * (answered with the optional welcome text), delivered/seen/failed by message_token.
 * Outbound media must be fetchable by URL: they are stored and served from
 * {@code /channel-files/...} under the public URL.
 */
@Component
public class ViberConnector implements ChannelConnector {

    public static final String TOKEN = "authToken";
    public static final String WELCOME = "welcomeText";
    public static final String SENDER_NAME = "senderName";
    static final String SIGNATURE_HEADER = "X-Viber-Content-Signature";
    static final List<String> EVENTS =
            List.of("delivered", "seen", "failed", "subscribed", "unsubscribed", "conversation_started");
    private static final int PICTURE_MAX = 1024 * 1024;
    private static final int CAPTION_MAX = 512;
    private static final int TEXT_MAX = 7000;

    private final ViberApi api;
    private final MediaStore media;
    private final String publicUrl;

    ViberConnector(ViberApi api, MediaStore media, OmnichatProperties installation) {
        this.api = api;
        this.media = media;
        this.publicUrl = installation.publicUrl();
    }

    @Override
    public ChannelType type() {
        return ChannelType.VIBER;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(
                Capability.WEBHOOK_RECEIVE,
                Capability.SEND_TEXT,
                Capability.SEND_IMAGE,
                Capability.SEND_FILE,
                Capability.DELIVERY_STATUS,
                Capability.READ_STATUS,
                Capability.CLIENT_PROFILE);
    }

    @Override
    public List<SecretField> secretFields() {
        return List.of(SecretField.asked(TOKEN, "channels.viber.token"));
    }

    @Override
    public List<SettingField> settingFields() {
        return List.of(
                new SettingField(SENDER_NAME, "channels.viber.sender-name", false),
                new SettingField(WELCOME, "channels.viber.welcome", true));
    }

    @Override
    public ConnectionCheck checkConnection(ConnectedChannel channel) {
        try {
            JsonNode account = api.call(channel.secret(TOKEN), "get_account_info", Map.of());
            return ConnectionCheck.ok(account.path("name").asString("?") + " ("
                    + account.path("uri").asString("") + ")");
        } catch (ViberException e) {
            return ProviderErrors.failedCheck(e, channel);
        }
    }

    // ---- receiving ----

    @Override
    public boolean authentic(ConnectedChannel channel, WebhookRequest request) {
        String given = request.header(SIGNATURE_HEADER);
        String token = channel.secrets().get(TOKEN);
        if (given == null || token == null) {
            return false;
        }
        return MessageDigest.isEqual(
                signature(token, request.body()).getBytes(StandardCharsets.US_ASCII),
                given.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    /** Hex HMAC-SHA256 of the body with the token, as Viber signs its callbacks. */
    public static String signature(String token, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void registerWebhook(ConnectedChannel channel, String url) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", url);
        body.put("event_types", EVENTS);
        body.put("send_name", true);
        body.put("send_photo", true);
        // A ViberException carries only Viber's own, redacted status_message.
        api.call(channel.secret(TOKEN), "set_webhook", body);
    }

    @Override
    public ParsedEvent parse(ConnectedChannel channel, byte[] body) throws UnparseableEventException {
        JsonNode event;
        try {
            event = Json.MAPPER.readTree(body);
        } catch (RuntimeException e) {
            throw new UnparseableEventException("Not JSON: " + e.getMessage(), e);
        }
        if (event == null || !event.isObject() || !event.path("event").isString()) {
            throw new UnparseableEventException("Not a Viber callback (no event)");
        }
        String type = event.path("event").asString();
        String token = event.path("message_token").asString("");
        return switch (type) {
            case "message" -> ParsedEvent.of("message:" + required(token), message(event, token));
            case "delivered", "seen", "failed" -> {
                String user = event.path("user_id").asString("");
                var status = switch (type) {
                    case "delivered" -> InboundEvent.StatusUpdate.Status.DELIVERED;
                    case "seen" -> InboundEvent.StatusUpdate.Status.READ;
                    default -> InboundEvent.StatusUpdate.Status.FAILED;
                };
                yield ParsedEvent.of(
                        type + ":" + required(token) + ":" + user,
                        new InboundEvent.StatusUpdate(
                                token, status, event.path("desc").asString(null)));
            }
            case "subscribed" ->
                ParsedEvent.of(
                        key(type, event, event.path("user").path("id").asString("")),
                        new InboundEvent.ClientStateChange(
                                requiredUser(event.path("user").path("id")), ClientState.SUBSCRIBED));
            case "unsubscribed" ->
                ParsedEvent.of(
                        key(type, event, event.path("user_id").asString("")),
                        new InboundEvent.ClientStateChange(
                                requiredUser(event.path("user_id")), ClientState.UNSUBSCRIBED));
            case "conversation_started" ->
                new ParsedEvent(
                        key(type, event, event.path("user").path("id").asString("")), List.of(), welcome(channel));
            // "webhook" (set_webhook's check), "client_status", "action" and future events: acknowledged.
            default -> ParsedEvent.of(token.isEmpty() ? null : type + ":" + token);
        };
    }

    private static String key(String type, JsonNode event, String user) {
        return type + ":"
                + event.path("message_token").asString(event.path("timestamp").asString("")) + ":" + user;
    }

    private static String required(String token) throws UnparseableEventException {
        if (token.isBlank()) {
            throw new UnparseableEventException("Callback without message_token");
        }
        return token;
    }

    private static String requiredUser(JsonNode id) throws UnparseableEventException {
        if (!id.isString() || id.asString().isBlank()) {
            throw new UnparseableEventException("Callback without user id");
        }
        return id.asString();
    }

    private static InboundEvent.ClientMessage message(JsonNode event, String token) throws UnparseableEventException {
        JsonNode sender = event.path("sender");
        JsonNode message = event.path("message");
        if (!message.isObject()) {
            throw new UnparseableEventException("Message callback without message");
        }
        // The avatar is fetched and stored by the profile job, never hot-linked.
        var profile = new ClientProfile(
                requiredUser(sender.path("id")), sender.path("name").asString(""), null, null);
        String kind = message.path("type").asString("");
        String text = message.path("text").asString(null);
        List<MediaRef> files = new ArrayList<>();
        switch (kind) {
            case "picture" ->
                files.add(new MediaRef(
                        message.path("media").asString(),
                        message.path("file_name").asString("picture.jpg"),
                        "image/jpeg",
                        size(message),
                        true));
            case "video" ->
                files.add(
                        new MediaRef(message.path("media").asString(), "video.mp4", "video/mp4", size(message), false));
            case "file" ->
                files.add(new MediaRef(
                        message.path("media").asString(),
                        message.path("file_name").asString("file"),
                        null,
                        size(message),
                        false));
            case "location" ->
                text = "📍 " + message.path("location").path("lat").asDouble() + ", "
                        + message.path("location").path("lon").asDouble();
            case "contact" ->
                text = "👤 " + message.path("contact").path("name").asString("") + ", "
                        + message.path("contact").path("phone_number").asString("");
            case "sticker" -> text = text != null ? text : "🖼";
            case "url" -> text = message.path("media").asString(text);
            default -> {
                // text and anything newer: the text, if any
            }
        }
        files.removeIf(f -> f.reference().isBlank());
        long timestamp = event.path("timestamp").asLong(System.currentTimeMillis());
        return new InboundEvent.ClientMessage(profile, token, text, files, null, Instant.ofEpochMilli(timestamp));
    }

    private static @Nullable Long size(JsonNode message) {
        JsonNode size = message.has("size") ? message.path("size") : message.path("file_size");
        return size.isNumber() ? size.asLong() : null;
    }

    private static @Nullable String welcome(ConnectedChannel channel) {
        String text = channel.setting(WELCOME);
        if (text == null) {
            return null;
        }
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("sender", sender(channel));
        reply.put("type", "text");
        reply.put("text", text);
        reply.put("tracking_data", "welcome");
        return Json.write(reply);
    }

    private static Map<String, String> sender(ConnectedChannel channel) {
        String name = channel.setting(SENDER_NAME) != null ? channel.setting(SENDER_NAME) : channel.name();
        return Map.of("name", name.length() <= 28 ? name : name.substring(0, 28));
    }

    @Override
    public InboundAttachment download(ConnectedChannel channel, MediaRef ref, MediaPolicy policy) {
        if (ref.size() != null) {
            policy.checkSize(ref.size());
        }
        ViberApi.Download file = api.download(ref.reference(), policy.maxBytes());
        String declared = file.contentType() != null ? file.contentType() : ref.contentType();
        String name = ref.fileName() != null ? ref.fileName() : "file";
        return new InboundAttachment(name, policy.contentType(declared, file.content()), file.content());
    }

    // ---- sending ----

    @Override
    public String send(ConnectedChannel channel, OutboundMessage message, SendProgress progress)
            throws DeliveryException {
        String token = channel.secret(TOKEN);
        List<Map<String, Object>> parts = parts(channel, message);
        String first = progress.sendParts(parts, (i, part) -> {
            try {
                return api.call(token, "send_message", part)
                        .path("message_token")
                        .asString();
            } catch (ViberException e) {
                throw classify(e);
            }
        });
        return first != null ? first : "none";
    }

    private List<Map<String, Object>> parts(ConnectedChannel channel, OutboundMessage message)
            throws DeliveryException {
        String text = message.text() == null || message.text().isBlank() ? null : message.text();
        List<Map<String, Object>> parts = new ArrayList<>();
        boolean caption = text != null
                && message.files().size() == 1
                && message.files().getFirst().isImage()
                && message.files().getFirst().content().length <= PICTURE_MAX
                && text.length() <= CAPTION_MAX;
        if (text != null && !caption) {
            for (int start = 0; start < text.length(); start += TEXT_MAX) {
                Map<String, Object> part = base(channel, message);
                part.put("type", "text");
                part.put("text", text.substring(start, Math.min(text.length(), start + TEXT_MAX)));
                parts.add(part);
            }
        }
        for (OutboundMessage.OutboundFile file : message.files()) {
            Map<String, Object> part = base(channel, message);
            String url = media.publish(publicUrl, channel, file, "Viber downloads them by URL");
            if (file.isImage() && file.content().length <= PICTURE_MAX) {
                part.put("type", "picture");
                part.put("text", caption ? text : "");
                part.put("media", url);
            } else {
                part.put("type", "file");
                part.put("media", url);
                part.put("size", file.content().length);
                part.put("file_name", file.fileName());
            }
            parts.add(part);
        }
        return parts;
    }

    private Map<String, Object> base(ConnectedChannel channel, OutboundMessage message) {
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("receiver", message.recipientExternalUserId());
        part.put("min_api_version", 1);
        part.put("sender", sender(channel));
        // Comes back with the client's next message: which of our messages he answers.
        part.put("tracking_data", "omnichat:" + message.messageId());
        return part;
    }

    static DeliveryException classify(ViberException e) {
        String reason = ProviderErrors.describe(e) + " (Viber status " + e.status() + ")";
        return switch (e.status()) {
            // receiverNotRegistered, receiverNotSubscribed, receiverNoSuitableDevice, badData, missingData,
            // apiVersionNotSupported: the client cannot get it as it is.
            case 3, 4, 5, 6, 11, 13 -> DeliveryException.permanent(reason);
            // tooManyRequests: Viber gives no wait time.
            case 12 -> DeliveryException.rateLimited(reason, Duration.ofSeconds(30));
            default -> DeliveryException.retryable(reason);
        };
    }

    // ---- profiles ----

    @Override
    public Optional<FetchedProfile> profile(ConnectedChannel channel, String externalUserId) {
        try {
            JsonNode user = api.call(channel.secret(TOKEN), "get_user_details", Map.of("id", externalUserId))
                    .path("user");
            String avatar = user.path("avatar").asString(null);
            return Optional.of(new FetchedProfile(
                    new ClientProfile(externalUserId, user.path("name").asString(""), null, null),
                    avatar == null || avatar.isBlank()
                            ? null
                            : new MediaRef(avatar, "avatar.jpg", "image/jpeg", null, true)));
        } catch (ViberException e) {
            if (e.status() == 5 || e.status() == 6) {
                return Optional.empty();
            }
            throw new ProviderErrors.ProviderException(e.status(), "get_user_details: " + e.getMessage());
        }
    }
}
