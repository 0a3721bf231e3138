package com.omnichat.channel.telegram;

import com.omnichat.channel.Capability;
import com.omnichat.channel.ChannelType;
import com.omnichat.channel.ClientProfile;
import com.omnichat.channel.ClientState;
import com.omnichat.channel.ConnectionCheck;
import com.omnichat.channel.InboundAttachment;
import com.omnichat.channel.InboundMessage;
import com.omnichat.channel.OutboundMessage;
import com.omnichat.channel.connector.ChannelConnector;
import com.omnichat.channel.connector.ConnectedChannel;
import com.omnichat.channel.connector.DeliveryException;
import com.omnichat.channel.connector.InboundEvent;
import com.omnichat.channel.connector.MediaPolicy;
import com.omnichat.channel.connector.MediaRef;
import com.omnichat.channel.connector.ParsedEvent;
import com.omnichat.channel.connector.PollResult;
import com.omnichat.channel.connector.ProviderErrors;
import com.omnichat.channel.connector.SecretField;
import com.omnichat.channel.connector.SendProgress;
import com.omnichat.channel.connector.UnparseableEventException;
import com.omnichat.channel.connector.WebhookRequest;
import com.omnichat.channel.internal.Json;
import com.omnichat.channel.telegram.TelegramApi.TelegramException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;

/**
 * Telegram bots (Bot API). Receives by webhook (setWebhook with a secret_token, checked in
 * the X-Telegram-Bot-Api-Secret-Token header) or long polling (getUpdates); private chats
 * only. Telegram numbers messages per chat, so ids are "chatId:messageId". Bots get no
 * delivery or read receipts: a message is at most "sent".
 */
@Component
public class TelegramConnector implements ChannelConnector {

    public static final String TOKEN = "botToken";
    public static final String WEBHOOK_SECRET = "webhookSecret";
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    static final List<String> UPDATES = List.of("message", "edited_message", "my_chat_member");
    /** Telegram's limit for a photo sent with sendPhoto; larger images go as documents. */
    private static final int PHOTO_MAX = 10 * 1024 * 1024;

    private static final int CAPTION_MAX = 1024;
    private static final int TEXT_MAX = 4096;

    private final TelegramApi api;

    TelegramConnector(TelegramApi api) {
        this.api = api;
    }

    @Override
    public ChannelType type() {
        return ChannelType.TELEGRAM;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(
                Capability.WEBHOOK_RECEIVE,
                Capability.POLLING_RECEIVE,
                Capability.SEND_TEXT,
                Capability.REPLY,
                Capability.SEND_IMAGE,
                Capability.SEND_FILE,
                Capability.CLIENT_PROFILE,
                Capability.EDIT);
    }

    @Override
    public List<SecretField> secretFields() {
        return List.of(SecretField.asked(TOKEN, "channels.telegram.token"), SecretField.generated(WEBHOOK_SECRET));
    }

    @Override
    public ConnectionCheck checkConnection(ConnectedChannel channel) {
        try {
            JsonNode me = api.call(channel.secret(TOKEN), "getMe", Map.of());
            return ConnectionCheck.ok("@" + me.path("username").asString("?"));
        } catch (TelegramException e) {
            return ProviderErrors.failedCheck(e, channel);
        }
    }

    // ---- receiving ----

    @Override
    public boolean authentic(ConnectedChannel channel, WebhookRequest request) {
        String given = request.header(SECRET_HEADER);
        String expected = channel.secrets().get(WEBHOOK_SECRET);
        return given != null
                && expected != null
                && MessageDigest.isEqual(
                        given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void registerWebhook(ConnectedChannel channel, String url) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", url);
        body.put("secret_token", channel.secret(WEBHOOK_SECRET));
        body.put("allowed_updates", UPDATES);
        // A TelegramException carries only Telegram's own, redacted description.
        api.call(channel.secret(TOKEN), "setWebhook", body);
    }

    @Override
    public PollResult poll(ConnectedChannel channel, @Nullable String cursor, Duration wait) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (cursor != null) {
            body.put("offset", Long.parseLong(cursor));
        }
        body.put("timeout", wait.toSeconds());
        body.put("allowed_updates", UPDATES);
        JsonNode updates;
        try {
            updates = api.longPoll(channel.secret(TOKEN), body);
        } catch (TelegramException e) {
            if (e.code() == 409) {
                // A webhook is still set: polling needs it removed (the channel was switched to polling).
                deleteWebhook(channel);
            }
            throw new ProviderErrors.ProviderException(e.code(), "getUpdates: " + e.getMessage());
        }
        List<PollResult.RawUpdate> raw = new ArrayList<>();
        long next = cursor == null ? -1 : Long.parseLong(cursor);
        for (JsonNode update : updates) {
            long id = update.path("update_id").asLong();
            raw.add(new PollResult.RawUpdate(key(id), Json.write(update).getBytes(StandardCharsets.UTF_8)));
            next = Math.max(next, id + 1);
        }
        return new PollResult(raw, next < 0 ? cursor : Long.toString(next));
    }

    private void deleteWebhook(ConnectedChannel channel) {
        try {
            api.call(channel.secret(TOKEN), "deleteWebhook", Map.of("drop_pending_updates", false));
        } catch (TelegramException e) {
            throw new ProviderErrors.ProviderException(e.code(), "deleteWebhook: " + e.getMessage());
        }
    }

    @Override
    public ParsedEvent parse(ConnectedChannel channel, byte[] body) throws UnparseableEventException {
        JsonNode update;
        try {
            update = Json.MAPPER.readTree(body);
        } catch (RuntimeException e) {
            throw new UnparseableEventException("Not JSON: " + e.getMessage(), e);
        }
        if (update == null || !update.isObject() || !update.path("update_id").isNumber()) {
            throw new UnparseableEventException("Not a Telegram update (no update_id)");
        }
        String key = key(update.path("update_id").asLong());
        if (update.has("message")) {
            return privateChat(update.path("message"))
                    ? ParsedEvent.of(key, message(update.path("message")))
                    : ParsedEvent.of(key);
        }
        if (update.has("edited_message")) {
            JsonNode edited = update.path("edited_message");
            return privateChat(edited)
                    ? ParsedEvent.of(key, new InboundEvent.MessageEdited(messageId(edited), text(edited)))
                    : ParsedEvent.of(key);
        }
        if (update.has("my_chat_member")) {
            JsonNode member = update.path("my_chat_member");
            if (!privateChat(member)) {
                return ParsedEvent.of(key);
            }
            String status = member.path("new_chat_member").path("status").asString("");
            String user = member.path("chat").path("id").asString();
            return switch (status) {
                case "kicked" -> ParsedEvent.of(key, new InboundEvent.ClientStateChange(user, ClientState.BLOCKED));
                case "member" -> ParsedEvent.of(key, new InboundEvent.ClientStateChange(user, ClientState.UNBLOCKED));
                default -> ParsedEvent.of(key);
            };
        }
        // Other update kinds are not asked for; acknowledged and ignored.
        return ParsedEvent.of(key);
    }

    private static boolean privateChat(JsonNode node) {
        return "private".equals(node.path("chat").path("type").asString(""));
    }

    private static InboundEvent.ClientMessage message(JsonNode message) throws UnparseableEventException {
        JsonNode chat = message.path("chat");
        if (!chat.path("id").isNumber() || !message.path("message_id").isNumber()) {
            throw new UnparseableEventException("Message without chat id or message_id");
        }
        JsonNode from = message.has("from") ? message.path("from") : chat;
        String name = (from.path("first_name").asString("") + " "
                        + from.path("last_name").asString(""))
                .strip();
        String username = from.path("username").asString(null);
        var profile = new ClientProfile(chat.path("id").asString(), name, username, null);
        List<MediaRef> media = new ArrayList<>();
        if (message.path("photo").isArray() && !message.path("photo").isEmpty()) {
            JsonNode largest = message.path("photo").get(message.path("photo").size() - 1);
            media.add(new MediaRef(largest.path("file_id").asString(), "photo.jpg", "image/jpeg", size(largest), true));
        }
        for (String kind : List.of("document", "video", "audio", "voice", "animation", "video_note")) {
            JsonNode file = message.path(kind);
            if (file.isObject() && file.has("file_id")) {
                media.add(new MediaRef(
                        file.path("file_id").asString(),
                        file.path("file_name").asString(kind),
                        file.path("mime_type").asString(null),
                        size(file),
                        false));
            }
        }
        JsonNode original = message.path("reply_to_message");
        String reply = original.has("message_id")
                ? chat.path("id").asString() + ":" + original.path("message_id").asLong()
                : null;
        return new InboundEvent.ClientMessage(
                profile,
                messageId(message),
                text(message),
                media,
                reply,
                Instant.ofEpochSecond(message.path("date").asLong(Instant.now().getEpochSecond())),
                original.isObject() ? quote(message, original) : null);
    }

    /**
     * The replied-to message as Telegram sends it along: its author and text (or the part the
     * client quoted), for when the original is not stored here (older than the channel, deleted).
     */
    private static InboundMessage.ReplyQuote quote(JsonNode message, JsonNode original) {
        JsonNode from = original.path("from");
        String author = from.isObject()
                ? (from.path("first_name").asString("") + " "
                                + from.path("last_name").asString(""))
                        .strip()
                : null;
        String text = message.path("quote").path("text").asString(null);
        if (text == null) {
            text = text(original);
        }
        if (text == null
                && (original.has("photo")
                        || original.has("document")
                        || original.has("video")
                        || original.has("voice")
                        || original.has("audio"))) {
            text = "📎";
        }
        return new InboundMessage.ReplyQuote(author == null || author.isEmpty() ? null : author, text);
    }

    private static @Nullable String text(JsonNode message) {
        if (message.has("text")) {
            return message.path("text").asString();
        }
        if (message.has("caption")) {
            return message.path("caption").asString();
        }
        if (message.has("sticker")) {
            return message.path("sticker").path("emoji").asString("🖼");
        }
        if (message.has("location")) {
            JsonNode l = message.path("location");
            return "📍 " + l.path("latitude").asDouble() + ", "
                    + l.path("longitude").asDouble();
        }
        if (message.has("contact")) {
            JsonNode c = message.path("contact");
            return "👤 "
                    + (c.path("first_name").asString("") + " "
                                    + c.path("last_name").asString(""))
                            .strip() + ", " + c.path("phone_number").asString("");
        }
        return null;
    }

    private static String messageId(JsonNode message) {
        return message.path("chat").path("id").asString() + ":"
                + message.path("message_id").asLong();
    }

    private static @Nullable Long size(JsonNode file) {
        return file.path("file_size").isNumber() ? file.path("file_size").asLong() : null;
    }

    private static String key(long updateId) {
        return "update:" + updateId;
    }

    @Override
    public InboundAttachment download(ConnectedChannel channel, MediaRef media, MediaPolicy policy) {
        if (media.size() != null) {
            policy.checkSize(media.size());
        }
        String token = channel.secret(TOKEN);
        try {
            JsonNode file = api.call(token, "getFile", Map.of("file_id", media.reference()));
            if (file.path("file_size").isNumber()) {
                policy.checkSize(file.path("file_size").asLong());
            }
            byte[] content = api.download(token, file.path("file_path").asString(), policy.maxBytes());
            String fileName = media.fileName() != null
                    ? media.fileName()
                    : file.path("file_path").asString("file").replaceAll(".*/", "");
            return new InboundAttachment(fileName, policy.contentType(media.contentType(), content), content);
        } catch (TelegramException e) {
            // The Bot API's own description ("Bad Request: file is too big"), never a URL.
            throw new ProviderErrors.ProviderException(e.code(), "getFile: " + e.getMessage(), e);
        }
    }

    // ---- sending ----

    @Override
    public String send(ConnectedChannel channel, OutboundMessage message, SendProgress progress)
            throws DeliveryException {
        String token = channel.secret(TOKEN);
        String chatId = message.recipientExternalUserId();
        List<Part> parts = parts(message);
        String first = progress.sendParts(parts, (i, part) -> {
            // Only the first part quotes the client's message.
            @Nullable String replyTo = i == 0 ? replyToMessageId(message.replyToExternalId(), chatId) : null;
            JsonNode sent;
            try {
                sent = part.file() == null
                        ? sendText(token, chatId, part.text(), replyTo)
                        : sendFile(token, chatId, part.file(), part.text(), replyTo);
            } catch (TelegramException e) {
                throw classify(e);
            }
            return chatId + ":" + sent.path("message_id").asLong();
        });
        return first != null ? first : chatId + ":0";
    }

    /** Text first unless it fits as the caption of a single file; then the files. */
    private static List<Part> parts(OutboundMessage message) {
        String text = message.text() == null || message.text().isBlank() ? null : message.text();
        List<Part> parts = new ArrayList<>();
        boolean caption = text != null && message.files().size() == 1 && text.length() <= CAPTION_MAX;
        if (text != null && !caption) {
            for (int start = 0; start < text.length(); start += TEXT_MAX) {
                parts.add(new Part(text.substring(start, Math.min(text.length(), start + TEXT_MAX)), null));
            }
        }
        for (OutboundMessage.OutboundFile file : message.files()) {
            parts.add(new Part(caption ? text : null, file));
        }
        return parts;
    }

    private JsonNode sendText(String token, String chatId, @Nullable String text, @Nullable String replyTo)
            throws TelegramException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chat_id", chatId);
        body.put("text", text == null ? "" : text);
        if (replyTo != null) {
            body.put("reply_parameters", replyParameters(replyTo));
        }
        return api.call(token, "sendMessage", body);
    }

    private JsonNode sendFile(
            String token,
            String chatId,
            OutboundMessage.OutboundFile file,
            @Nullable String caption,
            @Nullable String replyTo)
            throws TelegramException {
        boolean photo = file.isImage() && file.content().length <= PHOTO_MAX;
        String field = photo ? "photo" : "document";
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("chat_id", chatId);
        parts.add(field, TelegramApi.file(file.fileName(), file.content()));
        if (caption != null) {
            parts.add("caption", caption);
        }
        if (replyTo != null) {
            parts.add("reply_parameters", Json.write(replyParameters(replyTo)));
        }
        return api.upload(token, photo ? "sendPhoto" : "sendDocument", parts);
    }

    private static Map<String, Object> replyParameters(String messageId) {
        // Still send when the quoted message was deleted meanwhile.
        return Map.of("message_id", Long.parseLong(messageId), "allow_sending_without_reply", true);
    }

    private static @Nullable String replyToMessageId(@Nullable String externalId, String chatId) {
        if (externalId == null || !externalId.startsWith(chatId + ":")) {
            return null;
        }
        return externalId.substring(chatId.length() + 1);
    }

    static DeliveryException classify(TelegramException e) {
        String reason = ProviderErrors.describe(e);
        return switch (e.code()) {
            case 429 ->
                DeliveryException.rateLimited(reason, Duration.ofSeconds(e.retryAfter() == null ? 5 : e.retryAfter()));
            // Blocked by the user, user deactivated, chat not found, bad request: retrying cannot help.
            case 400, 403 -> DeliveryException.permanent(reason);
            default -> DeliveryException.retryable(reason);
        };
    }

    // ---- profiles ----

    @Override
    public Optional<FetchedProfile> profile(ConnectedChannel channel, String externalUserId) {
        try {
            JsonNode chat = api.call(channel.secret(TOKEN), "getChat", Map.of("chat_id", externalUserId));
            String name = (chat.path("first_name").asString("") + " "
                            + chat.path("last_name").asString(""))
                    .strip();
            String photo = chat.path("photo").path("big_file_id").asString(null);
            return Optional.of(new FetchedProfile(
                    new ClientProfile(
                            externalUserId, name, chat.path("username").asString(null), null),
                    photo == null ? null : new MediaRef(photo, "photo.jpg", "image/jpeg", null, true)));
        } catch (TelegramException e) {
            if (e.code() == 400 || e.code() == 403) {
                return Optional.empty();
            }
            throw new ProviderErrors.ProviderException(e.code(), "getChat: " + e.getMessage());
        }
    }

    private record Part(@Nullable String text, OutboundMessage.@Nullable OutboundFile file) {}
}
