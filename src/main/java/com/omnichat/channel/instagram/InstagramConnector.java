package com.omnichat.channel.instagram;

import com.omnichat.channel.Capability;
import com.omnichat.channel.ChannelType;
import com.omnichat.channel.ClientProfile;
import com.omnichat.channel.ConnectionCheck;
import com.omnichat.channel.InboundAttachment;
import com.omnichat.channel.MessageOrigin;
import com.omnichat.channel.OutboundMessage;
import com.omnichat.channel.connector.ConnectedChannel;
import com.omnichat.channel.connector.DeliveryException;
import com.omnichat.channel.connector.InboundEvent;
import com.omnichat.channel.connector.MediaPolicy;
import com.omnichat.channel.connector.MediaRef;
import com.omnichat.channel.connector.ParsedEvent;
import com.omnichat.channel.connector.SendProgress;
import com.omnichat.channel.connector.UnparseableEventException;
import com.omnichat.channel.meta.GraphApi;
import com.omnichat.channel.meta.GraphException;
import com.omnichat.channel.meta.MetaConnector;
import com.omnichat.channel.meta.MetaMessaging;
import com.omnichat.channel.meta.MetaSecrets;
import com.omnichat.channel.meta.MetaSendApi;
import com.omnichat.channel.meta.MetaWebhooks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Instagram Direct and comments. With Instagram Login the token is an Instagram user token
 * (it starts with "IG") and calls go to graph.instagram.com; with Facebook Login it is the
 * Page's token and calls go to graph.facebook.com — the same connector. In: {@code messaging[]}
 * (messages with attachments, story replies and mentions, shares, reactions, deletions,
 * {@code messaging_seen}, echoes) and {@code changes[]} comments (the commenter's chat, marked,
 * the post's link fetched once per post) and {@code mentions} of the shop. Out: Direct (Send API, window rules), answers under a
 * comment ({@code POST /{comment-id}/replies}) and private replies ({@code recipient.comment_id}).
 */
@Component
public class InstagramConnector implements MetaConnector {

    static final String APP = "Instagram";
    private static final int TEXT_MAX = 1000;
    private static final int COMMENT_MAX = 2200;

    private final GraphApi graph;
    private final MetaSendApi sender;
    private final InstagramPosts posts;
    private final InstagramMentions mentions;

    InstagramConnector(GraphApi graph, MetaSendApi sender, InstagramPosts posts) {
        this.graph = graph;
        this.sender = sender;
        this.posts = posts;
        this.mentions = new InstagramMentions(graph, posts);
    }

    @Override
    public ChannelType type() {
        return ChannelType.INSTAGRAM;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(
                Capability.WEBHOOK_RECEIVE,
                Capability.SEND_TEXT,
                Capability.SEND_IMAGE,
                Capability.READ_STATUS,
                Capability.CLIENT_PROFILE);
    }

    /** graph.instagram.com for an Instagram user token, graph.facebook.com for a Page token. */
    static GraphApi.Host host(ConnectedChannel channel) {
        String token = channel.secrets().getOrDefault(MetaSecrets.ACCESS_TOKEN, "");
        return token.startsWith("IG") ? GraphApi.Host.INSTAGRAM : GraphApi.Host.FACEBOOK;
    }

    @Override
    public ConnectionCheck checkConnection(ConnectedChannel channel) {
        GraphApi.Host host = host(channel);
        return graph.check(
                channel,
                host,
                "me",
                host == GraphApi.Host.INSTAGRAM ? "user_id,username,name" : "id,name,instagram_business_account",
                me -> {
                    String name = me.path("username").asString(me.path("name").asString("?"));
                    return "@" + name.replaceFirst("^@", "") + " ("
                            + me.path("user_id").asString(me.path("id").asString("")) + ")";
                });
    }

    // ---- receiving ----

    @Override
    public ParsedEvent parse(ConnectedChannel channel, byte[] body) throws UnparseableEventException {
        JsonNode root = MetaWebhooks.envelope(body, "instagram");
        List<InboundEvent> events = new ArrayList<>();
        for (JsonNode entry : root.path("entry")) {
            String account = MetaWebhooks.id(entry.path("id"));
            for (JsonNode item : entry.path("messaging")) {
                for (InboundEvent event : MetaMessaging.parse(item, APP)) {
                    events.add(event instanceof InboundEvent.ClientMessage m ? direct(m, item.path("message")) : event);
                }
            }
            for (JsonNode change : entry.path("changes")) {
                String field = change.path("field").asString("");
                if (field.equals("comments") || field.equals("live_comments")) {
                    comment(channel, account, change.path("value"), entry.path("time"))
                            .ifPresent(events::add);
                } else if (field.equals("mentions")) {
                    mentions.mention(channel, account, change.path("value")).ifPresent(events::add);
                }
            }
        }
        return new ParsedEvent(MetaWebhooks.key(body), events, null);
    }

    /** A direct message, marked when it is a story reply or mention, a share, or unsupported. */
    private static InboundEvent direct(InboundEvent.ClientMessage message, JsonNode json) {
        JsonNode story = json.path("reply_to").path("story");
        if (story.isObject()) {
            return new InboundEvent.OriginMessage(
                    message, MessageOrigin.of(MessageOrigin.Kind.STORY_REPLY, url(story.path("url"))));
        }
        for (JsonNode attachment : json.path("attachments")) {
            String type = attachment.path("type").asString("");
            String url = url(attachment.path("payload").path("url"));
            switch (type) {
                case "story_mention" -> {
                    return new InboundEvent.OriginMessage(
                            message, MessageOrigin.of(MessageOrigin.Kind.STORY_MENTION, url));
                }
                case "share", "ig_post", "ig_reel", "reel" -> {
                    return new InboundEvent.OriginMessage(
                            message,
                            new MessageOrigin(
                                    MessageOrigin.Kind.SHARE,
                                    null,
                                    url,
                                    null,
                                    attachment.path("payload").path("title").asString(null)));
                }
                default -> {
                    // image, video, audio, file: downloaded as media.
                }
            }
        }
        if (json.path("is_unsupported").asBoolean(false)
                || (message.text() == null
                        && message.media().isEmpty()
                        && json.path("attachments").isArray()
                        && !json.path("attachments").isEmpty())) {
            return new InboundEvent.OriginMessage(message, MessageOrigin.of(MessageOrigin.Kind.UNSUPPORTED, null));
        }
        return message;
    }

    /** A comment by someone else than the shop: into the commenter's chat, marked, with the post. */
    private Optional<InboundEvent> comment(ConnectedChannel channel, String account, JsonNode value, JsonNode time) {
        String id = value.path("id").asString("");
        String from = MetaWebhooks.id(value.path("from").path("id"));
        JsonNode media = value.path("media");
        String postId = MetaWebhooks.id(media.path("id"));
        // The shop's own answers under comments come back as comments: they are ours already.
        if (id.isEmpty() || from.isEmpty() || from.equals(account) || postId.isEmpty()) {
            return Optional.empty();
        }
        MessageOrigin.Kind kind =
                "AD".equalsIgnoreCase(media.path("media_product_type").asString("")) || media.has("ad_id")
                        ? MessageOrigin.Kind.AD_COMMENT
                        : value.path("parent_id").asString("").isEmpty()
                                ? MessageOrigin.Kind.COMMENT
                                : MessageOrigin.Kind.COMMENT_REPLY;
        Optional<InstagramPosts.Post> post = posts.known(channel.id(), postId);
        String username = value.path("from").path("username").asString(null);
        var message = new InboundEvent.ClientMessage(
                new ClientProfile(from, "", username, null),
                id,
                value.path("text").asString(""),
                List.of(),
                null,
                time.isMissingNode() ? java.time.Instant.now() : MetaMessaging.timestamp(time));
        return Optional.of(new InboundEvent.OriginMessage(
                message,
                new MessageOrigin(
                        kind,
                        id,
                        post.map(p -> InstagramPosts.safeLink(p.permalink())).orElse(null),
                        postId,
                        post.map(InstagramPosts.Post::caption).orElse(null))));
    }

    private static @Nullable String url(JsonNode node) {
        String url = node.asString(null);
        return url != null && url.toLowerCase(java.util.Locale.ROOT).startsWith("https://") ? url : null;
    }

    /**
     * The callback URL and verify token are entered in the Meta app; this subscribes the
     * account (Instagram Login) or the Page (Facebook Login) to the app for the fields used here.
     */
    @Override
    public void registerWebhook(ConnectedChannel channel, String url) {
        GraphApi.Host host = host(channel);
        graph.post(
                channel,
                host,
                "me/subscribed_apps",
                Map.of(
                        "subscribed_fields",
                        host == GraphApi.Host.INSTAGRAM
                                ? "messages,messaging_seen,message_reactions,comments,live_comments,mentions"
                                : "messages,message_reactions,messaging_seen,feed"));
    }

    @Override
    public InboundAttachment download(ConnectedChannel channel, MediaRef media, MediaPolicy policy) {
        return graph.attachment(media, policy);
    }

    // ---- sending ----

    @Override
    public String send(ConnectedChannel channel, OutboundMessage message, SendProgress progress)
            throws DeliveryException {
        if (message.route() != OutboundMessage.Route.COMMENT) {
            return sender.send(channel, host(channel), message, progress, TEXT_MAX, APP);
        }
        if (message.replyToExternalId() == null
                || message.text() == null
                || message.text().isBlank()) {
            throw DeliveryException.permanent("Instagram: an answer under a comment needs the comment and a text");
        }
        String text = message.text().length() <= COMMENT_MAX
                ? message.text()
                : message.text().substring(0, COMMENT_MAX);
        progress.beforePart();
        try {
            JsonNode answer = graph.post(
                    channel, host(channel), message.replyToExternalId() + "/replies", Map.of("message", text));
            String id = answer.path("id").asString("");
            if (id.isBlank()) {
                throw DeliveryException.retryable("Instagram: no id in the answer");
            }
            progress.partSent(id);
            return id;
        } catch (GraphException e) {
            throw e.toDelivery();
        }
    }

    // ---- moderation ----

    /** {@code POST /{comment-id}} with {@code hide}, or {@code DELETE /{comment-id}}. */
    @Override
    public void moderateComment(ConnectedChannel channel, String commentId, CommentAction action) {
        switch (action) {
            case HIDE -> graph.post(channel, host(channel), commentId, Map.of("hide", true));
            case UNHIDE -> graph.post(channel, host(channel), commentId, Map.of("hide", false));
            case DELETE -> graph.delete(channel, host(channel), commentId);
        }
    }

    // ---- profiles ----

    /** Name, username and photo of an Instagram-scoped id; the photo is stored locally. */
    @Override
    public Optional<FetchedProfile> profile(ConnectedChannel channel, String externalUserId) {
        JsonNode user =
                graph.get(channel, host(channel), externalUserId, Map.of("fields", "name,username,profile_pic"));
        String photo = user.path("profile_pic").asString(null);
        return Optional.of(new FetchedProfile(
                new ClientProfile(
                        externalUserId,
                        user.path("name").asString(""),
                        user.path("username").asString(null),
                        null),
                photo == null || photo.isBlank() ? null : new MediaRef(photo, "photo.jpg", "image/jpeg", null, true)));
    }
}
