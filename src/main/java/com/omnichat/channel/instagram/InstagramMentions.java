package com.omnichat.channel.instagram;

import com.omnichat.channel.ClientProfile;
import com.omnichat.channel.MessageOrigin;
import com.omnichat.channel.connector.ConnectedChannel;
import com.omnichat.channel.connector.InboundEvent;
import com.omnichat.channel.meta.GraphApi;
import com.omnichat.channel.meta.MetaWebhooks;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The shop's account @mentioned in someone's comment or post caption ({@code mentions}). The
 * webhook carries only {@code media_id} and, for a comment, {@code comment_id}; who wrote what
 * is read once with {@code GET /{ig-user-id}?fields=mentioned_comment.comment_id(..){..}} or
 * {@code mentioned_media.media_id(..){..}} (Meta keeps no copy, so it is read on arrival). The
 * mention lands as the mentioner's message marked with a link to the post, idempotent on the
 * comment id (or {@code mention:<media id>} for a caption); the post goes to the post cache.
 */
final class InstagramMentions {

    private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

    private final GraphApi graph;
    private final InstagramPosts posts;

    InstagramMentions(GraphApi graph, InstagramPosts posts) {
        this.graph = graph;
        this.posts = posts;
    }

    Optional<InboundEvent> mention(ConnectedChannel channel, String account, JsonNode value) {
        String mediaId = MetaWebhooks.id(value.path("media_id"));
        String commentId = MetaWebhooks.id(value.path("comment_id"));
        if (mediaId.isEmpty() || account.isEmpty()) {
            return Optional.empty();
        }
        // A failed lookup throws: the event is kept as failed with a readable reason (no token).
        GraphApi.Host host = InstagramConnector.host(channel);
        if (!commentId.isEmpty()) {
            JsonNode comment = graph.get(
                            channel,
                            host,
                            account,
                            Map.of(
                                    "fields",
                                    "mentioned_comment.comment_id(" + commentId
                                            + "){id,text,timestamp,username,media{id,permalink,caption}}"))
                    .path("mentioned_comment");
            JsonNode media = comment.path("media");
            return message(
                    channel,
                    comment.path("username").asString(""),
                    commentId,
                    comment.path("text"),
                    comment.path("timestamp"),
                    MessageOrigin.Kind.MENTION_COMMENT,
                    mediaId,
                    media.path("permalink").asString(null),
                    media.path("caption").asString(null));
        }
        JsonNode media = graph.get(
                        channel,
                        host,
                        account,
                        Map.of(
                                "fields",
                                "mentioned_media.media_id(" + mediaId
                                        + "){id,caption,permalink,username,timestamp,media_type}"))
                .path("mentioned_media");
        String caption = media.path("caption").asString(null);
        return message(
                channel,
                media.path("username").asString(""),
                "mention:" + mediaId,
                media.path("caption"),
                media.path("timestamp"),
                MessageOrigin.Kind.MENTION_POST,
                mediaId,
                media.path("permalink").asString(null),
                caption);
    }

    private Optional<InboundEvent> message(
            ConnectedChannel channel,
            String username,
            String id,
            JsonNode text,
            JsonNode time,
            MessageOrigin.Kind kind,
            String mediaId,
            @Nullable String permalink,
            @Nullable String caption) {
        if (username.isBlank()) {
            return Optional.empty();
        }
        String link = InstagramPosts.safeLink(permalink);
        posts.remember(channel.id(), mediaId, link, caption);
        // Meta gives the mentioner's username here, not his Instagram-scoped id: his chat is by username.
        var message = new InboundEvent.ClientMessage(
                new ClientProfile("@" + username, "", username, null),
                id,
                text.asString(""),
                List.of(),
                null,
                instant(time));
        return Optional.of(new InboundEvent.OriginMessage(
                message,
                new MessageOrigin(kind, id, link, mediaId, kind == MessageOrigin.Kind.MENTION_POST ? null : caption)));
    }

    private static Instant instant(JsonNode time) {
        try {
            return time.isString()
                    ? OffsetDateTime.parse(time.asString(), GRAPH_TIME).toInstant()
                    : Instant.now();
        } catch (DateTimeParseException e) {
            return Instant.now();
        }
    }
}
