package com.omnichat.channel.connector;

import com.omnichat.channel.Capability;
import com.omnichat.channel.ChannelType;
import com.omnichat.channel.ClientProfile;
import com.omnichat.channel.ConnectionCheck;
import com.omnichat.channel.InboundAttachment;
import com.omnichat.channel.OutboundMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One provider type (Telegram, Viber, the site widget, ...). A connector is a Spring bean in
 * its own sub-package of {@code channel}; the framework finds it by {@link #type()} and only
 * calls what {@link #capabilities()} announces. It holds no per-channel state: every call
 * gets the channel with its decrypted secrets.
 */
public interface ChannelConnector {

    ChannelType type();

    Set<Capability> capabilities();

    /** The secrets the administration form asks for (stored encrypted), e.g. the bot token. */
    List<SecretField> secretFields();

    /** Plain settings the administration form offers (stored as they are). */
    default List<SettingField> settingFields() {
        return List.of();
    }

    /** Calls the provider with the channel's credentials (Telegram getMe, Viber get_account_info). */
    ConnectionCheck checkConnection(ConnectedChannel channel);

    // ---- receiving by webhook (capability WEBHOOK_RECEIVE) ----

    /** Whether the request really comes from the provider; checked before anything is stored. */
    default boolean authentic(ConnectedChannel channel, WebhookRequest request) {
        return false;
    }

    /**
     * The verification handshake of {@code GET /webhooks/{type}/{key}} (Meta's
     * {@code hub.mode}/{@code hub.verify_token}/{@code hub.challenge}): the text to answer with
     * 200, or empty for a 403. Only query parameters are given; nothing is stored.
     */
    default Optional<String> verifyWebhook(ConnectedChannel channel, Map<String, String> query) {
        return Optional.empty();
    }

    /** Normalizes a webhook body (or one polled update); throws when it cannot be understood. */
    default ParsedEvent parse(ConnectedChannel channel, byte[] body) throws UnparseableEventException {
        throw new UnparseableEventException("This channel type takes no webhooks");
    }

    /** Tells the provider to call {@code url} (Telegram setWebhook with secret_token, Viber set_webhook). */
    default void registerWebhook(ConnectedChannel channel, String url) {
        throw new UnsupportedOperationException(type() + " takes no webhooks");
    }

    // ---- receiving by polling (capability POLLING_RECEIVE) ----

    /**
     * Fetches updates after {@code cursor} (waiting up to {@code wait} for one). The caller
     * stores every returned update and only then advances its cursor to {@link PollResult#nextCursor()}.
     */
    default PollResult poll(ConnectedChannel channel, @Nullable String cursor, Duration wait) {
        throw new UnsupportedOperationException(type() + " does not poll");
    }

    /** Downloads an inbound photo or file the provider referenced (size and type checked). */
    default InboundAttachment download(ConnectedChannel channel, MediaRef media, MediaPolicy policy) {
        throw new UnsupportedOperationException(type() + " has no media to download");
    }

    // ---- sending ----

    /**
     * Sends a manager's message. A message may go out as several provider messages (text,
     * then files): parts already accepted ({@link SendProgress#partsSent()}) are skipped and
     * every accepted part is reported to {@code progress} at once, so a retry never repeats
     * one. Right before each part's provider call, call {@link SendProgress#beforePart()}: it
     * throws when another worker took the message over, and then the provider must not be
     * called. Failure texts ({@link DeliveryException}) are shown in the chat: build them with
     * {@link ProviderErrors#describe}, never from an HTTP client's exception message. Returns
     * the provider's id of the message (the first part).
     *
     * @throws DeliveryException retryable, rate-limited or permanent failures
     */
    String send(ConnectedChannel channel, OutboundMessage message, SendProgress progress) throws DeliveryException;

    // ---- moderating comments (Instagram) ----

    /**
     * Hides, shows again or deletes a client's comment (by its provider id) on the shop's post.
     *
     * @throws UnsupportedOperationException this channel type has no comments
     */
    default void moderateComment(ConnectedChannel channel, String commentId, CommentAction action) {
        throw new UnsupportedOperationException(type() + " has no comments");
    }

    /** What can be done to a comment. */
    enum CommentAction {
        HIDE,
        UNHIDE,
        DELETE
    }

    // ---- profiles (capability CLIENT_PROFILE) ----

    /** The client's current profile; the photo as a reference to download ({@link #download}). */
    default Optional<FetchedProfile> profile(ConnectedChannel channel, String externalUserId) {
        return Optional.empty();
    }

    // ---- writing first (capability START_BY_PHONE) ----

    /** The client's id on this channel for a phone number (E.164), when a dialog can start by phone. */
    default Optional<String> externalUserIdForPhone(String e164Phone) {
        return Optional.empty();
    }

    // ---- templates (capability TEMPLATES) ----

    /** The approved templates of the channel's business account (the sync job stores them). */
    default List<com.omnichat.channel.MessageTemplate> fetchTemplates(ConnectedChannel channel) {
        throw new UnsupportedOperationException(type() + " has no templates");
    }

    /** A profile as fetched from the provider, before its photo is downloaded and stored. */
    record FetchedProfile(ClientProfile profile, @Nullable MediaRef photo) {}
}
