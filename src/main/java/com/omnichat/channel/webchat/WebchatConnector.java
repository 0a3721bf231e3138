package com.omnichat.channel.webchat;

import com.omnichat.channel.Capability;
import com.omnichat.channel.ChannelType;
import com.omnichat.channel.ConnectionCheck;
import com.omnichat.channel.OutboundMessage;
import com.omnichat.channel.connector.ChannelConnector;
import com.omnichat.channel.connector.ConnectedChannel;
import com.omnichat.channel.connector.SecretField;
import com.omnichat.channel.connector.SendProgress;
import com.omnichat.channel.connector.SettingField;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The site chat widget as a channel type. Visitors write through the widget's public API
 * ({@link WidgetApi}), not through webhooks; a manager's reply comes from the outbound queue
 * like any other and is handed to the visitor's widget, where it counts as delivered once
 * shown and as read once the visitor's chat window is open.
 */
@Component
class WebchatConnector implements ChannelConnector {

    private final ObjectProvider<WebchatService> webchat;

    // Lazily: the connector registry is built before the inbox services the widget talks to.
    WebchatConnector(ObjectProvider<WebchatService> webchat) {
        this.webchat = webchat;
    }

    @Override
    public ChannelType type() {
        return ChannelType.WEBCHAT;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.SEND_TEXT, Capability.DELIVERY_STATUS, Capability.READ_STATUS);
    }

    @Override
    public List<SecretField> secretFields() {
        // Visitor tokens are signed with the channel's own random key: generated, never asked.
        return List.of(SecretField.generated(WebchatService.SIGNING_KEY));
    }

    @Override
    public List<SettingField> settingFields() {
        return List.of(
                new SettingField(WidgetSettings.ALLOWED_ORIGINS, "channels.webchat.allowed-origins", true),
                new SettingField(WidgetSettings.TITLE, "channels.webchat.title", false),
                new SettingField(WidgetSettings.GREETING, "channels.webchat.greeting", true),
                new SettingField(WidgetSettings.COLOR, "channels.webchat.color", false),
                new SettingField(WidgetSettings.ASK_CONTACTS, "channels.webchat.ask-contacts", false));
    }

    @Override
    public ConnectionCheck checkConnection(ConnectedChannel channel) {
        return ConnectionCheck.ok(channel.name());
    }

    @Override
    public String send(ConnectedChannel channel, OutboundMessage message, SendProgress progress) {
        List<String> files = message.files().stream()
                .map(OutboundMessage.OutboundFile::fileName)
                .toList();
        String externalId = webchat.getObject()
                .deliverReply(
                        channel.id(), message.recipientExternalUserId(), message.messageId(), message.text(), files);
        if (progress.partsSent() == 0) {
            progress.partSent(externalId);
        }
        return externalId;
    }
}
