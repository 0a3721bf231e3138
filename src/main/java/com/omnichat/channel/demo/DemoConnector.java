package com.omnichat.channel.demo;

import com.omnichat.channel.Capability;
import com.omnichat.channel.ChannelType;
import com.omnichat.channel.ConnectionCheck;
import com.omnichat.channel.OutboundMessage;
import com.omnichat.channel.connector.ChannelConnector;
import com.omnichat.channel.connector.ConnectedChannel;
import com.omnichat.channel.connector.SecretField;
import com.omnichat.channel.connector.SendProgress;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Serves channels in mode DEMO, of any type: there is no provider, so a reply is accepted at
 * once (the delivery worker then reports it sent and delivered). Keeps the demo's statuses
 * realistic without credentials.
 */
@Component
public class DemoConnector implements ChannelConnector {

    @Override
    public ChannelType type() {
        // Not registered for a type: the registry picks it by mode.
        return ChannelType.WEBCHAT;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(
                Capability.SEND_TEXT,
                Capability.REPLY,
                Capability.SEND_IMAGE,
                Capability.SEND_FILE,
                Capability.DELIVERY_STATUS);
    }

    @Override
    public List<SecretField> secretFields() {
        return List.of();
    }

    @Override
    public ConnectionCheck checkConnection(ConnectedChannel channel) {
        return ConnectionCheck.ok(channel.name() + " (demo)");
    }

    @Override
    public String send(ConnectedChannel channel, OutboundMessage message, SendProgress progress) {
        String id = "demo-" + message.messageId();
        progress.partSent(id);
        return id;
    }
}
