package com.omnichat.channel;

import com.omnichat.channel.connector.ChannelConnector;
import com.omnichat.channel.connector.ConnectedChannel;
import com.omnichat.channel.connector.SecretField;
import com.omnichat.channel.connector.SendProgress;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Tests only: a channel type that can start a dialog with just a phone number (as WhatsApp
 * with templates or a numbered account would), so the write-first rules for phone channels
 * can be exercised. Its client id for a phone is the number's digits. {@code @Primary}: it
 * replaces the real WhatsApp connector in the tests (which test that one directly).
 */
@org.springframework.context.annotation.Primary
public class PhoneChannelConnector implements ChannelConnector {

    /** Numbers the provider does not know (a test sets them): writing to one fails with the reason. */
    public final Set<String> notOnProvider = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Whether starting a dialog needs an approved template (as WhatsApp does). */
    public volatile boolean templateToStart;
    /** The business account's approved templates, as the provider would list them (with {@link #templateToStart}). */
    public volatile List<MessageTemplate> templates = List.of();
    /** When set, listing the templates fails like this. */
    public volatile RuntimeException templatesFailure;
    /** Every message handed to {@link #send}, in order. */
    public final List<OutboundMessage> sent = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public ChannelType type() {
        return ChannelType.WHATSAPP;
    }

    @Override
    public Set<Capability> capabilities() {
        return templateToStart
                ? Set.of(
                        Capability.SEND_TEXT,
                        Capability.START_BY_PHONE,
                        Capability.DELIVERY_STATUS,
                        Capability.START_NEEDS_TEMPLATE,
                        Capability.TEMPLATES)
                : Set.of(Capability.SEND_TEXT, Capability.START_BY_PHONE, Capability.DELIVERY_STATUS);
    }

    @Override
    public List<SecretField> secretFields() {
        return List.of();
    }

    @Override
    public ConnectionCheck checkConnection(ConnectedChannel channel) {
        return ConnectionCheck.ok(channel.name());
    }

    @Override
    public String send(ConnectedChannel channel, OutboundMessage message, SendProgress progress) {
        sent.add(message);
        String id = "phone-" + message.messageId();
        progress.partSent(id);
        return id;
    }

    @Override
    public List<MessageTemplate> fetchTemplates(ConnectedChannel channel) {
        if (templatesFailure != null) {
            throw templatesFailure;
        }
        return templates;
    }

    /** Back to a plain phone channel (tests share the bean). */
    public void reset() {
        templateToStart = false;
        templates = List.of();
        templatesFailure = null;
        notOnProvider.clear();
        sent.clear();
    }

    @Override
    public Optional<String> externalUserIdForPhone(String e164Phone) {
        return notOnProvider.contains(e164Phone) ? Optional.empty() : Optional.of(e164Phone.replaceAll("[^0-9]", ""));
    }
}
