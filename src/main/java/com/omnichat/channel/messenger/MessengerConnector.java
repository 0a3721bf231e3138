package com.omnichat.channel.messenger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.omnichat.channel.Capability;
import com.omnichat.channel.ChannelType;
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
import com.omnichat.channel.connector.UnparseableEventException;
import com.omnichat.channel.connector.WebhookRequest;
import com.omnichat.channel.meta.GraphApi;
import com.omnichat.channel.meta.GraphException;
import com.omnichat.channel.meta.MetaMessaging;
import com.omnichat.channel.meta.MetaSecrets;
import com.omnichat.channel.meta.MetaWebhooks;

import tools.jackson.databind.JsonNode;

/**
 * A Facebook Page's Messenger inbox. In: the Page webhook ({@code object: page}) with
 * {@code messaging[]} items (messages, echoes, reactions, deliveries, reads, postbacks), every
 * item of every entry. Out: the Send API ({@code POST /me/messages} with the Page token).
 */
@Component
public class MessengerConnector implements ChannelConnector {

    static final String APP = "Messenger";
    private static final int TEXT_MAX = 2000;

    private final GraphApi graph;

    MessengerConnector(GraphApi graph) {
        this.graph = graph;
    }

    @Override
    public ChannelType type() {
        return ChannelType.FACEBOOK;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.WEBHOOK_RECEIVE, Capability.SEND_TEXT, Capability.REPLY, Capability.DELIVERY_STATUS,
                Capability.READ_STATUS);
    }

    @Override
    public List<SecretField> secretFields() {
        return List.of(MetaSecrets.appSecret(), MetaSecrets.accessToken(), MetaSecrets.verifyToken());
    }

    @Override
    public ConnectionCheck checkConnection(ConnectedChannel channel) {
        try {
            JsonNode page = graph.get(channel, GraphApi.Host.FACEBOOK, "me", Map.of("fields", "id,name"));
            return ConnectionCheck.ok(page.path("name").asString("?") + " (" + page.path("id").asString("") + ")");
        } catch (GraphException e) {
            return ConnectionCheck.failed(ProviderErrors.describe(e, channel.secrets().values()));
        }
    }

    // ---- receiving ----

    @Override
    public Optional<String> verifyWebhook(ConnectedChannel channel, Map<String, String> query) {
        return MetaWebhooks.verify(channel, query);
    }

    @Override
    public boolean authentic(ConnectedChannel channel, WebhookRequest request) {
        return MetaWebhooks.authentic(channel, request);
    }

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

    @Override
    public InboundAttachment download(ConnectedChannel channel, MediaRef media, MediaPolicy policy) {
        return graph.attachment(media, policy);
    }

    // ---- sending ----

    @Override
    public String send(ConnectedChannel channel, OutboundMessage message, SendProgress progress)
            throws DeliveryException {
        if (message.text() == null || message.text().isBlank()) {
            throw DeliveryException.permanent("Messenger: nothing to send");
        }
        String text = message.text().length() <= TEXT_MAX ? message.text() : message.text().substring(0, TEXT_MAX);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("recipient", Map.of("id", message.recipientExternalUserId()));
        body.put("messaging_type", "RESPONSE");
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("text", text);
        body.put("message", content);
        if (message.replyToExternalId() != null) {
            body.put("reply_to", Map.of("mid", message.replyToExternalId()));
        }
        progress.beforePart();
        try {
            JsonNode answer = graph.post(channel, GraphApi.Host.FACEBOOK, "me/messages", body);
            String id = answer.path("message_id").asString("");
            if (id.isBlank()) {
                throw DeliveryException.retryable("Messenger: no message_id in the answer");
            }
            progress.partSent(id);
            return id;
        } catch (GraphException e) {
            throw e.toDelivery();
        }
    }
}
