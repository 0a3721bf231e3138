package com.omnichat.channel.meta;

import com.omnichat.channel.ClientProfile;
import com.omnichat.channel.MessageOrigin;
import com.omnichat.channel.connector.InboundEvent;
import com.omnichat.channel.connector.MediaRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One item of a {@code messaging[]} array, as Messenger and Instagram Direct send them: a
 * message (or its echo, or its deletion), a reaction, a read or delivery receipt, a postback.
 * The sender of a client's item is {@code sender.id}; of an echo, the client is
 * {@code recipient.id}. Items that mean nothing for the inbox (opt-ins, referrals, policy
 * notices) give no event: the stored webhook keeps them.
 */
public final class MetaMessaging {

    private MetaMessaging() {}

    /** What an item of a channel means; {@code app} names the provider's app for echoes ("Instagram"). */
    public static List<InboundEvent> parse(JsonNode item, String app) {
        String sender = MetaWebhooks.id(item.path("sender").path("id"));
        String recipient = MetaWebhooks.id(item.path("recipient").path("id"));
        Instant at = timestamp(item.path("timestamp"));
        List<InboundEvent> events = new ArrayList<>();
        JsonNode message = item.path("message");
        if (message.isObject()) {
            String mid = message.path("mid").asString("");
            if (mid.isEmpty()) {
                return events;
            }
            if (message.path("is_deleted").asBoolean(false)) {
                events.add(new InboundEvent.MessageDeleted(mid));
            } else if (message.path("is_echo").asBoolean(false)) {
                if (!recipient.isEmpty()) {
                    events.add(new InboundEvent.Echo(
                            profile(recipient), mid, text(message), media(message), replyTo(message), at, app));
                }
            } else if (!sender.isEmpty()) {
                events.add(new InboundEvent.ClientMessage(
                        profile(sender), mid, text(message), media(message), replyTo(message), at));
            }
        }
        JsonNode reaction = item.path("reaction");
        if (reaction.isObject() && !reaction.path("mid").asString("").isEmpty()) {
            boolean removed = "unreact".equals(reaction.path("action").asString(""));
            events.add(new InboundEvent.Reaction(reaction.path("mid").asString(), emoji(reaction), removed));
        }
        JsonNode read = item.path("read");
        if (read.isObject() && !sender.isEmpty()) {
            Instant upTo = read.has("watermark") ? timestamp(read.path("watermark")) : null;
            String mid = read.path("mid").asString(null);
            if (upTo != null || mid != null) {
                events.add(new InboundEvent.Watermark(sender, InboundEvent.StatusUpdate.Status.READ, upTo, mid));
            }
        }
        JsonNode delivery = item.path("delivery");
        if (delivery.isObject() && !sender.isEmpty()) {
            for (JsonNode mid : delivery.path("mids")) {
                events.add(new InboundEvent.StatusUpdate(
                        mid.asString(), InboundEvent.StatusUpdate.Status.DELIVERED, null));
            }
            if (delivery.has("watermark")) {
                events.add(new InboundEvent.Watermark(
                        sender,
                        InboundEvent.StatusUpdate.Status.DELIVERED,
                        timestamp(delivery.path("watermark")),
                        null));
            }
        }
        JsonNode postback = item.path("postback");
        if (postback.isObject() && !sender.isEmpty()) {
            // A button press: the client's choice, shown as what the button said.
            String title = postback.path("title").asString("");
            String mid = postback.path("mid").asString("");
            if (mid.isEmpty()) {
                mid = "postback:" + sender + ":" + item.path("timestamp").asString("");
            }
            events.add(new InboundEvent.OriginMessage(
                    new InboundEvent.ClientMessage(
                            profile(sender),
                            mid,
                            title.isBlank() ? postback.path("payload").asString("") : title,
                            List.of(),
                            null,
                            at),
                    MessageOrigin.of(MessageOrigin.Kind.CHOICE, null)));
        }
        return events;
    }

    /** A client as a messaging item names him: only his page-scoped id (the profile comes later). */
    public static ClientProfile profile(String id) {
        return new ClientProfile(id, "", null, null);
    }

    private static @Nullable String text(JsonNode message) {
        String text = message.path("text").asString(null);
        return text == null || text.isBlank() ? null : text;
    }

    private static @Nullable String replyTo(JsonNode message) {
        String mid = message.path("reply_to").path("mid").asString(null);
        return mid == null || mid.isBlank() ? null : mid;
    }

    /** Image, video, audio and file attachments with a URL (downloaded in the background). */
    static List<MediaRef> media(JsonNode message) {
        List<MediaRef> media = new ArrayList<>();
        for (JsonNode attachment : message.path("attachments")) {
            String type = attachment.path("type").asString("");
            String url = attachment.path("payload").path("url").asString("");
            if (url.isBlank()) {
                continue;
            }
            switch (type) {
                case "image", "animated_image" -> media.add(new MediaRef(url, null, null, null, true));
                case "video" -> media.add(new MediaRef(url, "video.mp4", "video/mp4", null, false));
                case "audio" -> media.add(new MediaRef(url, "audio.mp4", "audio/mp4", null, false));
                case "file" ->
                    media.add(new MediaRef(
                            url, attachment.path("payload").path("title").asString(null), null, null, false));
                default -> {
                    // shares, story mentions, reels, templates: the connector describes them.
                }
            }
        }
        return media;
    }

    private static @Nullable String emoji(JsonNode reaction) {
        String emoji = reaction.path("emoji").asString(null);
        if (emoji != null && !emoji.isBlank()) {
            return emoji;
        }
        return switch (reaction.path("reaction").asString("")) {
            case "love" -> "❤️";
            case "like" -> "👍";
            case "dislike" -> "👎";
            case "smile" -> "😆";
            case "wow" -> "😮";
            case "sad" -> "😢";
            case "angry" -> "😠";
            default -> null;
        };
    }

    /** Milliseconds since the epoch (Messenger and Instagram), read from a number or a string. */
    public static Instant timestamp(JsonNode node) {
        long value = node.isNumber() ? node.asLong() : parse(node.asString(""));
        if (value <= 0) {
            return Instant.now();
        }
        // Seconds (changes[] of some objects) or milliseconds.
        return value < 100_000_000_000L ? Instant.ofEpochSecond(value) : Instant.ofEpochMilli(value);
    }

    private static long parse(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
