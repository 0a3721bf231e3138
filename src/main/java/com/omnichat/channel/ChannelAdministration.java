package com.omnichat.channel;

import com.omnichat.base.Drafts;
import com.omnichat.base.NotFoundException;
import com.omnichat.base.OmnichatProperties;
import com.omnichat.base.UserFacingException;
import com.omnichat.channel.connector.ChannelConnector;
import com.omnichat.channel.connector.ConnectedChannel;
import com.omnichat.channel.connector.ProviderErrors;
import com.omnichat.channel.connector.SecretField;
import com.omnichat.channel.internal.ChannelDirectory;
import com.omnichat.channel.internal.ChannelSettingsChanged;
import com.omnichat.channel.internal.ChannelStateStore;
import com.omnichat.channel.internal.ConnectorRegistry;
import com.omnichat.channel.internal.Json;
import com.omnichat.channel.internal.SecretCipher;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administration → Channels: connect channels (type, name, secrets, mode), check the
 * connection, register the webhook, see polling state, errors and failed inbound events.
 * Administrators only. Secrets are encrypted before they reach the database and never
 * leave this service again.
 */
@Service
@PreAuthorize("hasAuthority('PERM_MANAGE_CHANNELS')")
@Transactional
public class ChannelAdministration {

    public static final int NAME_MAX = 100;

    private final ChannelRepository channels;
    private final ConnectorRegistry registry;
    private final ChannelDirectory directory;
    private final ChannelStateStore state;
    private final SecretCipher cipher;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final String publicUrl;
    private final SecureRandom random = new SecureRandom();

    ChannelAdministration(
            ChannelRepository channels,
            ConnectorRegistry registry,
            ChannelDirectory directory,
            ChannelStateStore state,
            SecretCipher cipher,
            ApplicationEventPublisher events,
            JdbcClient jdbc,
            OmnichatProperties installation) {
        this.channels = channels;
        this.registry = registry;
        this.directory = directory;
        this.state = state;
        this.cipher = cipher;
        this.events = events;
        this.jdbc = jdbc;
        this.publicUrl = installation.publicUrl();
    }

    @Transactional(readOnly = true)
    public List<ChannelDetails> list() {
        return channels.findAllByOrderByName().stream().map(this::details).toList();
    }

    @Transactional(readOnly = true)
    public ChannelDetails get(long id) {
        return details(load(id));
    }

    /** Channel types that have a connector (others can only be demo channels). */
    @Transactional(readOnly = true)
    public Set<ChannelType> connectableTypes() {
        Set<ChannelType> types = EnumSet.noneOf(ChannelType.class);
        for (ChannelType type : ChannelType.values()) {
            registry.forType(type).ifPresent(c -> types.add(type));
        }
        return types;
    }

    /** The modes a channel type can be connected in. */
    @Transactional(readOnly = true)
    public Set<ChannelMode> modes(ChannelType type) {
        Set<ChannelMode> modes = EnumSet.of(ChannelMode.DEMO);
        Set<Capability> capabilities = registry.capabilities(type);
        if (registry.forType(type).isPresent() && !capabilities.contains(Capability.POLLING_RECEIVE)
                || capabilities.contains(Capability.WEBHOOK_RECEIVE)) {
            // A push channel (webhook, or the site widget's own API) is connected as WEBHOOK.
            modes.add(ChannelMode.WEBHOOK);
        }
        if (capabilities.contains(Capability.POLLING_RECEIVE)) {
            modes.add(ChannelMode.POLLING);
        }
        return modes;
    }

    /** The fields the form shows for a channel type. */
    @Transactional(readOnly = true)
    public ChannelDetails.Form form(ChannelType type) {
        return registry.forType(type)
                .map(c -> new ChannelDetails.Form(
                        c.secretFields().stream()
                                .filter(f -> !f.generated())
                                .map(f -> new ChannelDetails.Field(f.name(), f.labelKey(), false))
                                .toList(),
                        c.settingFields().stream()
                                .map(f -> new ChannelDetails.Field(f.name(), f.labelKey(), f.multiline()))
                                .toList()))
                .orElse(new ChannelDetails.Form(List.of(), List.of()));
    }

    /** Creates ({@code id} null) or updates a channel. */
    public ChannelDetails save(ChannelDraft draft) {
        String name = Drafts.valid(draft).name().strip();
        Channel channel = draft.id() == null ? new Channel(draft.type(), name) : load(draft.id());
        if (channel.type() != draft.type()) {
            throw new UserFacingException("channels.error.type-fixed");
        }
        if (draft.mode() != null && !modes(draft.type()).contains(draft.mode())) {
            throw new UserFacingException("channels.error.mode-unsupported");
        }
        channels.findByName(name)
                .filter(other -> !other.id().equals(channel.id()))
                .ifPresent(other -> {
                    throw new UserFacingException("channels.error.name-taken", name);
                });
        Map<String, String> secrets = mergeSecrets(channel, draft);
        if (draft.mode() == ChannelMode.WEBHOOK || draft.mode() == ChannelMode.POLLING) {
            for (SecretField field : registry.forType(draft.type())
                    .map(ChannelConnector::secretFields)
                    .orElse(List.of())) {
                if (!secrets.containsKey(field.name())) {
                    throw new UserFacingException("channels.error.secret-required");
                }
            }
        }
        Map<String, String> settings = new LinkedHashMap<>();
        draft.settings().forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                settings.put(k, v.strip());
            }
        });
        channel.rename(name);
        channel.setEnabled(draft.enabled());
        if (channel.id() == null) {
            // The ciphertext is bound to the channel id: a new channel gets its id first.
            channel.connect(draft.mode(), null, null);
            channels.saveAndFlush(channel);
        }
        long channelId = channel.id();
        // Always written afresh (also upgrading a version-1 ciphertext of before).
        channel.connect(
                draft.mode(),
                secrets.isEmpty() ? null : cipher.encrypt(channelId, Json.write(secrets)),
                settings.isEmpty() ? null : Json.write(settings));
        Channel saved = channels.saveAndFlush(channel);
        long id = saved.id();
        events.publishEvent(new ChannelSettingsChanged(id));
        events.publishEvent(new ChannelAccessChanged(id));
        return details(saved);
    }

    public void setEnabled(long id, boolean enabled) {
        Channel channel = load(id);
        channel.setEnabled(enabled);
        channels.saveAndFlush(channel);
        events.publishEvent(new ChannelSettingsChanged(id));
        events.publishEvent(new ChannelAccessChanged(id));
    }

    /** Asks the provider who the bot is (Telegram getMe, Viber get_account_info); records a failure. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public ConnectionCheck checkConnection(long id) {
        ConnectedChannel channel = connected(id);
        ChannelConnector connector =
                registry.forChannel(channel).orElseThrow(() -> new UserFacingException("channels.error.not-connected"));
        ConnectionCheck check;
        try {
            check = connector.checkConnection(channel);
        } catch (RuntimeException e) {
            check = ProviderErrors.failedCheck(e, channel);
        }
        if (!check.ok()) {
            // A connector's own text, redacted once more before it is stored and shown.
            check = ConnectionCheck.failed(
                    ProviderErrors.redact(check.error(), channel.secrets().values()));
        }
        state.error(id, check.ok() ? null : check.error());
        return check;
    }

    /**
     * The generated verify token an administrator pastes into the provider's webhook settings
     * (Meta: Instagram, Messenger, WhatsApp), or empty for types without one.
     */
    @Transactional(readOnly = true)
    public Optional<String> webhookVerifyToken(long id) {
        ConnectedChannel channel = connected(id);
        boolean offered =
                registry.forType(channel.type()).map(ChannelConnector::secretFields).orElse(List.of()).stream()
                        .anyMatch(f ->
                                f.generated() && f.name().equals(com.omnichat.channel.meta.MetaSecrets.VERIFY_TOKEN));
        return offered
                ? Optional.ofNullable(channel.secrets().get(com.omnichat.channel.meta.MetaSecrets.VERIFY_TOKEN))
                : Optional.empty();
    }

    /** The URL the provider must call, or empty when no public URL is configured (OMNICHAT_PUBLIC_URL). */
    @Transactional(readOnly = true)
    public Optional<String> webhookUrl(long id) {
        return Optional.ofNullable(webhookUrl(load(id)));
    }

    /** Tells the provider to call this installation's webhook URL. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public String registerWebhook(long id) {
        ConnectedChannel channel = connected(id);
        if (channel.mode() != ChannelMode.WEBHOOK
                || !registry.capabilities(channel.type()).contains(Capability.WEBHOOK_RECEIVE)) {
            throw new UserFacingException("channels.error.not-webhook");
        }
        String url = webhookUrl(id).orElseThrow(() -> new UserFacingException("channels.error.no-public-url"));
        try {
            registry.forChannel(channel).orElseThrow().registerWebhook(channel, url);
        } catch (RuntimeException e) {
            String message = ProviderErrors.describe(e, channel.secrets().values());
            state.error(id, message);
            throw new UserFacingException("channels.error.register-failed", message);
        }
        state.webhookRegistered(id, url);
        return url;
    }

    /** Stored events that could not be processed, newest first. */
    @Transactional(readOnly = true)
    public List<ChannelDetails.FailedEvent> failedEvents(long channelId, int limit) {
        load(channelId);
        return jdbc.sql("""
                        select id, received_at, coalesce(error, ''), body from inbound_event
                        where channel_id = ? and status = 'FAILED' order by id desc limit ?""")
                .params(channelId, Math.min(limit, 500))
                .query((rs, n) -> new ChannelDetails.FailedEvent(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        new String(rs.getBytes(4), StandardCharsets.UTF_8)))
                .list();
    }

    /** Processes a failed event again (e.g. after a fix); it is parsed afresh. */
    public void retryEvent(long channelId, long eventId) {
        int changed = jdbc.sql("""
                        update inbound_event set status = 'PENDING', attempts = 0, next_attempt_at = now(), error = null
                        where id = ? and channel_id = ? and status = 'FAILED'""").params(eventId, channelId).update();
        if (changed == 0) {
            throw new NotFoundException("Event " + eventId);
        }
    }

    private ConnectedChannel connected(long id) {
        return directory.byId(id).orElseThrow(() -> new NotFoundException("Channel " + id));
    }

    private Map<String, String> mergeSecrets(Channel channel, ChannelDraft draft) {
        Map<String, String> secrets = new HashMap<>(
                channel.secrets() == null || channel.id() == null
                        ? Map.of()
                        : Json.readMap(cipher.decrypt(channel.id(), channel.secrets())));
        draft.secrets().forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                secrets.put(k, v.strip());
            }
        });
        for (SecretField field : registry.forType(draft.type())
                .map(ChannelConnector::secretFields)
                .orElse(List.of())) {
            if (field.generated() && !secrets.containsKey(field.name())) {
                byte[] bytes = new byte[32];
                random.nextBytes(bytes);
                secrets.put(
                        field.name(), Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
            }
        }
        return secrets;
    }

    private Channel load(long id) {
        return channels.findById(id).orElseThrow(() -> new NotFoundException("Channel " + id));
    }

    private @Nullable String webhookUrl(Channel channel) {
        if (publicUrl.isBlank() || !registry.capabilities(channel.type()).contains(Capability.WEBHOOK_RECEIVE)) {
            return null;
        }
        return publicUrl + "/webhooks/" + channel.type().name().toLowerCase(Locale.ROOT) + "/" + channel.key();
    }

    private ChannelDetails details(Channel channel) {
        long id = channel.id();
        Set<String> secretsSet = channel.secrets() == null
                ? Set.of()
                : Json.readMap(cipher.decrypt(id, channel.secrets())).keySet().stream()
                        .collect(Collectors.toSet());
        Set<Capability> capabilities = channel.mode() == ChannelMode.DEMO
                ? EnumSet.complementOf(EnumSet.of(
                        Capability.START_BY_PHONE,
                        Capability.START_BY_EMAIL,
                        Capability.START_NEEDS_TEMPLATE,
                        Capability.TEMPLATES))
                : registry.capabilities(channel.type());
        return new ChannelDetails(
                id,
                channel.type(),
                channel.name(),
                channel.enabled(),
                channel.mode(),
                secretsSet,
                Json.readMap(channel.settings()),
                webhookUrl(channel),
                capabilities,
                Set.copyOf(channel.users()),
                state.runtime(id));
    }
}
