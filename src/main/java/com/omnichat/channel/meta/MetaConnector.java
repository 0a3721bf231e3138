package com.omnichat.channel.meta;

import com.omnichat.channel.connector.ChannelConnector;
import com.omnichat.channel.connector.ConnectedChannel;
import com.omnichat.channel.connector.SecretField;
import com.omnichat.channel.connector.WebhookRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A connector of a Meta app (Messenger, Instagram, WhatsApp): the same secrets, the same
 * verification handshake and the same signed webhooks, so only the parts that differ are
 * written per connector.
 */
public interface MetaConnector extends ChannelConnector {

    @Override
    default List<SecretField> secretFields() {
        return List.of(MetaSecrets.appSecret(), MetaSecrets.accessToken(), MetaSecrets.verifyToken());
    }

    @Override
    default Optional<String> verifyWebhook(ConnectedChannel channel, Map<String, String> query) {
        return MetaWebhooks.verify(channel, query);
    }

    @Override
    default boolean authentic(ConnectedChannel channel, WebhookRequest request) {
        return MetaWebhooks.authentic(channel, request);
    }
}
