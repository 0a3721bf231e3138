package com.omnichat.channel.messenger;

import com.omnichat.channel.Capability;
import com.omnichat.channel.ChannelType;
import com.omnichat.channel.ClientProfile;
import com.omnichat.channel.ConnectionCheck;
import com.omnichat.channel.InboundAttachment;
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
import com.omnichat.channel.meta.MetaConnector;
import com.omnichat.channel.meta.MetaMessaging;
import com.omnichat.channel.meta.MetaSendApi;
import com.omnichat.channel.meta.MetaWebhooks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * A Facebook Page's Messenger inbox. In: the Page webhook ({@code object: page}) with
 * {@code messaging[]} items (messages, echoes, reactions, deliveries, reads, postbacks), every
 * item of every entry. Out: the Send API ({@code POST /me/messages} with the Page token).
 */
@Component
public class MessengerConnector implements MetaConnector {

    static final String APP = "Messenger";
    private static final int TEXT_MAX = 2000;

    private final GraphApi graph;
    private final MetaSendApi sender;

    MessengerConnector(GraphApi graph, MetaSendApi sender) {
        this.graph = graph;
        this.sender = sender;
    }

    @Override
    public ChannelType type() {
        return ChannelType.FACEBOOK;
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
    public ConnectionCheck checkConnection(ConnectedChannel channel) {
        return graph.check(
                channel,
                GraphApi.Host.FACEBOOK,
                "me",
                "id,name",
                page -> page.path("name").asString("?") + " (" + page.path("id").asString("") + ")");
    }

    // ---- receiving ----

    @Override
    public ParsedEvent parse(ConnectedChannel channel, byte[] body) throws UnparseableEventException {
        JsonNode root = MetaWebhooks.envelope(body, "page");
        List<InboundEvent> events = new ArrayList<>();
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode item : entry.path("messaging")) {
                events.addAll(MetaMessaging.parse(item, APP));
            }
        }
        return new ParsedEvent(MetaWebhooks.key(body), events, null);
    }

    /**
     * The callback URL and verify token are entered in the Meta app; this subscribes the Page
     * to the app ({@code POST /me/subscribed_apps}) for the fields the inbox uses.
     */
    @Override
    public void registerWebhook(ConnectedChannel channel, String url) {
        graph.post(
                channel,
                GraphApi.Host.FACEBOOK,
                "me/subscribed_apps",
                Map.of(
                        "subscribed_fields",
                        "messages,messaging_postbacks,message_deliveries,message_reads,message_echoes,message_reactions"));
    }

    @Override
    public InboundAttachment download(ConnectedChannel channel, MediaRef media, MediaPolicy policy) {
        return graph.attachment(media, policy);
    }

    // ---- sending ----

    @Override
    public String send(ConnectedChannel channel, OutboundMessage message, SendProgress progress)
            throws DeliveryException {
        return sender.send(channel, GraphApi.Host.FACEBOOK, message, progress, TEXT_MAX, APP);
    }

    // ---- profiles ----

    /** {@code GET /{PSID}?fields=first_name,last_name,profile_pic}; the photo is stored locally. */
    @Override
    public Optional<FetchedProfile> profile(ConnectedChannel channel, String externalUserId) {
        JsonNode user = graph.get(
                channel, GraphApi.Host.FACEBOOK, externalUserId, Map.of("fields", "first_name,last_name,profile_pic"));
        String name = (user.path("first_name").asString("") + " "
                        + user.path("last_name").asString(""))
                .strip();
        String photo = user.path("profile_pic").asString(null);
        return Optional.of(new FetchedProfile(
                new ClientProfile(externalUserId, name, null, null),
                photo == null || photo.isBlank() ? null : new MediaRef(photo, "photo.jpg", "image/jpeg", null, true)));
    }
}
