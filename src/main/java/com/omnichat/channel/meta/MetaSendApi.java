package com.omnichat.channel.meta;

import com.omnichat.base.OmnichatProperties;
import com.omnichat.channel.OutboundMessage;
import com.omnichat.channel.connector.ConnectedChannel;
import com.omnichat.channel.connector.DeliveryException;
import com.omnichat.channel.connector.SendProgress;
import com.omnichat.channel.internal.MediaStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The Send API as Messenger and Instagram share it ({@code POST /me/messages}): the messaging
 * window decides {@code messaging_type} (RESPONSE within 24 hours of the client's last direct
 * message, MESSAGE_TAG with HUMAN_AGENT up to 7 days, nothing after), text first, then every
 * file by a public URL (Meta fetches it), each part once. A private reply answers a comment
 * ({@code recipient.comment_id}) and needs no window.
 */
@Component
public class MetaSendApi {

    static final Duration FREE = Duration.ofHours(24);
    static final Duration HUMAN_AGENT = Duration.ofDays(7);

    private final GraphApi graph;
    private final MediaStore media;
    private final String publicUrl;

    MetaSendApi(GraphApi graph, MediaStore media, OmnichatProperties installation) {
        this.graph = graph;
        this.media = media;
        this.publicUrl = installation.publicUrl();
    }

    /** Sends a direct message or a private reply; returns the first part's message id. */
    public String send(
            ConnectedChannel channel,
            GraphApi.Host host,
            OutboundMessage message,
            SendProgress progress,
            int textMax,
            String app)
            throws DeliveryException {
        Map<String, Object> recipient;
        Map<String, Object> type = new LinkedHashMap<>();
        if (message.route() == OutboundMessage.Route.PRIVATE_REPLY) {
            if (message.replyToExternalId() == null) {
                throw DeliveryException.permanent(app + ": no comment to answer");
            }
            recipient = Map.of("comment_id", message.replyToExternalId());
        } else {
            recipient = Map.of("id", message.recipientExternalUserId());
            type.putAll(messagingType(message.clientWroteAt(), Instant.now(), app));
        }
        List<Map<String, Object>> contents = contents(channel, message, textMax, app);
        // A private reply is one message: the comment's permission is used up by the first one sent.
        List<Map<String, Object>> parts = message.route() == OutboundMessage.Route.PRIVATE_REPLY
                ? contents.subList(0, Math.min(contents.size(), progress.partsSent() + 1))
                : contents;
        String first = progress.sendParts(parts, (i, content) -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("recipient", recipient);
            body.putAll(type);
            body.put("message", content);
            JsonNode answer;
            try {
                answer = graph.post(channel, host, "me/messages", body);
            } catch (GraphException e) {
                throw e.toDelivery();
            }
            String id = answer.path("message_id").asString("");
            if (id.isBlank()) {
                throw DeliveryException.retryable(app + ": no message_id in the answer");
            }
            return id;
        });
        if (first == null) {
            throw DeliveryException.permanent(app + ": nothing to send");
        }
        return first;
    }

    /** RESPONSE inside 24 hours, HUMAN_AGENT up to 7 days, refused after (or when the client never wrote). */
    static Map<String, Object> messagingType(
            java.time.@org.jspecify.annotations.Nullable Instant clientWroteAt, Instant now, String app)
            throws DeliveryException {
        if (clientWroteAt == null) {
            throw DeliveryException.permanent(app + ": the client has never written in the direct chat, "
                    + "so only an answer to his comment is possible");
        }
        Duration since = Duration.between(clientWroteAt, now);
        if (since.compareTo(FREE) <= 0) {
            return Map.of("messaging_type", "RESPONSE");
        }
        if (since.compareTo(HUMAN_AGENT) <= 0) {
            Map<String, Object> tag = new LinkedHashMap<>();
            tag.put("messaging_type", "MESSAGE_TAG");
            tag.put("tag", "HUMAN_AGENT");
            return tag;
        }
        throw DeliveryException.permanent(
                app + ": the client last wrote more than 7 days ago; " + "a message is possible again once he writes");
    }

    private List<Map<String, Object>> contents(
            ConnectedChannel channel, OutboundMessage message, int textMax, String app) throws DeliveryException {
        List<Map<String, Object>> contents = new ArrayList<>();
        String text = message.text() == null || message.text().isBlank() ? null : message.text();
        if (text != null) {
            for (int start = 0; start < text.length(); start += textMax) {
                contents.add(Map.of("text", text.substring(start, Math.min(text.length(), start + textMax))));
            }
        }
        for (OutboundMessage.OutboundFile file : message.files()) {
            String kind = file.isImage()
                    ? "image"
                    : file.contentType().startsWith("video/")
                            ? "video"
                            : file.contentType().startsWith("audio/") ? "audio" : "file";
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("url", media.publish(publicUrl, channel, file, app + " downloads them by URL"));
            payload.put("is_reusable", false);
            contents.add(Map.of("attachment", Map.of("type", kind, "payload", payload)));
        }
        return contents;
    }
}
