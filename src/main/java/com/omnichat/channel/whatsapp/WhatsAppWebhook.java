package com.omnichat.channel.whatsapp;

import com.omnichat.channel.ClientProfile;
import com.omnichat.channel.InboundMessage;
import com.omnichat.channel.connector.InboundEvent;
import com.omnichat.channel.connector.InboundEvent.StatusUpdate.Status;
import com.omnichat.channel.connector.MediaRef;
import com.omnichat.channel.connector.ProviderErrors;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One {@code changes[].value} of the {@code whatsapp_business_account} webhook as events:
 * {@code messages[]} of every type (media as references to fetch later, by media id),
 * reactions, and {@code statuses[]} (sent is no news; delivered, read, failed with its errors).
 * The client is his {@code wa_id} (a phone, E.164 digits); his name comes from {@code contacts[]}.
 */
final class WhatsAppWebhook {

    /** Media ids carry this prefix in a {@link MediaRef} so the download knows to look them up first. */
    static final String MEDIA_ID = "wa-media:";

    private WhatsAppWebhook() {}

    static List<InboundEvent> events(JsonNode value) {
        List<InboundEvent> events = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        Map<String, String> userIds = new HashMap<>();
        for (JsonNode contact : value.path("contacts")) {
            String waId = contact.path("wa_id").asString("");
            if (!waId.isBlank()) {
                names.put(waId, contact.path("profile").path("name").asString(""));
                String userId = contact.path("user_id").asString("");
                if (!userId.isBlank()) {
                    userIds.put(waId, userId);
                }
            }
        }
        for (JsonNode message : value.path("messages")) {
            InboundEvent event = message(message, names, userIds);
            if (event != null) {
                events.add(event);
            }
        }
        for (JsonNode status : value.path("statuses")) {
            InboundEvent event = status(status);
            if (event != null) {
                events.add(event);
            }
        }
        return events;
    }

    private static @Nullable InboundEvent message(
            JsonNode message, Map<String, String> names, Map<String, String> userIds) {
        String from = message.path("from").asString("");
        String id = message.path("id").asString("");
        if (from.isBlank() || id.isBlank()) {
            return null;
        }
        String type = message.path("type").asString("unknown");
        if (type.equals("reaction")) {
            JsonNode reaction = message.path("reaction");
            String emoji = reaction.path("emoji").asString("");
            return new InboundEvent.Reaction(
                    reaction.path("message_id").asString(""), emoji.isBlank() ? null : emoji, emoji.isBlank());
        }
        String name = names.getOrDefault(from, "");
        // The wa_id is a number WhatsApp verified; the business-scoped user_id (BSUID) is kept beside it.
        String userId = userIds.getOrDefault(from, message.path("from_user_id").asString(""));
        var profile = new ClientProfile(
                from,
                name.isBlank() ? "+" + from : name,
                null,
                null,
                from.chars().allMatch(Character::isDigit) ? "+" + from : null,
                userId.isBlank() ? null : userId);
        List<MediaRef> media = new ArrayList<>();
        String text = switch (type) {
            case "text" -> message.path("text").path("body").asString("");
            case "image", "video", "audio", "document", "sticker" -> {
                JsonNode file = message.path(type);
                String fileName = file.path("filename")
                        .asString(defaultName(type, file.path("mime_type").asString("")));
                media.add(new MediaRef(
                        MEDIA_ID + file.path("id").asString(""),
                        fileName,
                        file.path("mime_type").asString(null),
                        null,
                        type.equals("image") || type.equals("sticker")));
                yield file.path("caption").asString(null);
            }
            case "location" -> {
                JsonNode l = message.path("location");
                String place = String.join(
                        ", ",
                        List.of(l.path("name").asString(""), l.path("address").asString("")).stream()
                                .filter(s -> !s.isBlank())
                                .toList());
                yield "📍 " + l.path("latitude").asDouble() + ", "
                        + l.path("longitude").asDouble() + (place.isBlank() ? "" : " — " + place);
            }
            case "contacts" -> {
                List<String> cards = new ArrayList<>();
                for (JsonNode c : message.path("contacts")) {
                    List<String> phones = new ArrayList<>();
                    c.path("phones").forEach(p -> phones.add(p.path("phone").asString("")));
                    cards.add("👤 " + c.path("name").path("formatted_name").asString("")
                            + (phones.isEmpty() ? "" : ", " + String.join(", ", phones)));
                }
                yield String.join("\n", cards);
            }
            case "interactive" -> {
                JsonNode i = message.path("interactive");
                JsonNode reply = i.has("button_reply") ? i.path("button_reply") : i.path("list_reply");
                yield reply.path("title").asString("")
                        + (reply.path("description").asString("").isBlank()
                                ? ""
                                : " — " + reply.path("description").asString(""));
            }
            case "button" -> message.path("button").path("text").asString("");
            default -> "[" + type + "]";
        };
        JsonNode referral = message.path("referral");
        if (referral.isObject()) {
            // A click on an ad: what he saw comes along.
            String ad = String.join(
                    " · ",
                    List.of(
                                    referral.path("headline").asString(""),
                                    referral.path("body").asString(""),
                                    referral.path("source_url").asString(""))
                            .stream()
                            .filter(s -> !s.isBlank())
                            .toList());
            text = (text == null || text.isBlank() ? "" : text + "\n") + "📣 " + ad;
        }
        media.removeIf(m -> m.reference().equals(MEDIA_ID));
        String context = message.path("context").path("id").asString(null);
        Instant at = Instant.ofEpochSecond(
                message.path("timestamp").asLong(Instant.now().getEpochSecond()));
        InboundMessage.ReplyQuote quote = null;
        return new InboundEvent.ClientMessage(profile, id, text, media, context, at, quote);
    }

    private static @Nullable InboundEvent status(JsonNode status) {
        String id = status.path("id").asString("");
        if (id.isBlank()) {
            return null;
        }
        return switch (status.path("status").asString("")) {
            case "delivered" -> new InboundEvent.StatusUpdate(id, Status.DELIVERED, null);
            case "read" -> new InboundEvent.StatusUpdate(id, Status.READ, null);
            case "failed" -> {
                JsonNode error = status.path("errors").path(0);
                String reason = WhatsAppErrors.status(
                        error.path("code").asInt(0),
                        error.path("title").asString(null),
                        error.path("error_data").path("details").asString(null));
                yield new InboundEvent.StatusUpdate(id, Status.FAILED, ProviderErrors.redact(reason));
            }
            // "sent" is what the send call already told us; anything newer: nothing to show.
            default -> null;
        };
    }

    private static String defaultName(String type, String mime) {
        String extension =
                mime.contains("/") ? mime.substring(mime.indexOf('/') + 1).replaceAll(";.*", "") : "bin";
        return switch (type) {
            case "image" -> "picture." + extension;
            case "sticker" -> "sticker.webp";
            case "audio" -> "voice." + (extension.equals("ogg") ? "ogg" : extension);
            case "video" -> "video." + extension;
            default -> "document." + extension;
        };
    }
}
