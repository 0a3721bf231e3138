package com.omnichat.channel;

import com.omnichat.base.CurrentStaff;
import com.omnichat.base.NotFoundException;
import com.omnichat.base.UserFacingException;
import com.omnichat.channel.connector.ConnectedChannel;
import com.omnichat.channel.connector.ProviderErrors;
import com.omnichat.channel.internal.ChannelDirectory;
import com.omnichat.channel.internal.ConnectorRegistry;
import com.omnichat.channel.internal.Json;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;

/**
 * Approved message templates of channels whose connector announces {@link Capability#TEMPLATES}:
 * synced from the provider (a clustered job, or an administrator's "Sync now") into
 * {@code channel_template}, replacing the channel's previous list; read by the template picker
 * of anyone who may work with the channel.
 */
@Service
@Transactional(readOnly = true)
public class TemplateService {

    private static final Logger log = LoggerFactory.getLogger(TemplateService.class);
    private static final TypeReference<List<MessageTemplate.Component>> COMPONENTS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final ChannelService channels;
    private final ChannelDirectory directory;
    private final ConnectorRegistry registry;
    private final TransactionTemplate tx;

    TemplateService(
            JdbcClient jdbc,
            ChannelService channels,
            ChannelDirectory directory,
            ConnectorRegistry registry,
            TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.channels = channels;
        this.directory = directory;
        this.registry = registry;
        this.tx = tx;
    }

    /** The last sync of a channel's templates. */
    public record SyncState(
            @Nullable Instant syncedAt,
            int templates,
            @Nullable String error,
            @Nullable Instant errorAt) {
        static final SyncState NEVER = new SyncState(null, 0, null, null);
    }

    /** Whether the channel's provider has templates (not for demo channels). */
    public boolean hasTemplates(long channelId) {
        return channels.capabilities(channelId).contains(Capability.TEMPLATES);
    }

    /**
     * The channel's templates, by name then language, matching {@code search} in name or text
     * and the language ({@code null}: any). Only for users who may work with the channel.
     */
    public List<MessageTemplate> templates(long channelId, @Nullable String search, @Nullable String language) {
        if (!channels.canAccess(CurrentStaff.require(), channelId)) {
            throw new NotFoundException("Channel " + channelId);
        }
        String needle = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
        return all(channelId).stream()
                .filter(t -> language == null || language.equals(t.language()))
                .filter(t -> needle.isEmpty()
                        || t.name().toLowerCase(Locale.ROOT).contains(needle)
                        || t.searchText().toLowerCase(Locale.ROOT).contains(needle))
                .toList();
    }

    /** One template (for sending), if the channel has it. */
    public Optional<MessageTemplate> template(long channelId, String name, String language) {
        return templates(channelId, null, language).stream()
                .filter(t -> t.name().equals(name))
                .findFirst();
    }

    /** The languages the channel's templates exist in. */
    public List<String> languages(long channelId) {
        return templates(channelId, null, null).stream()
                .map(MessageTemplate::language)
                .distinct()
                .sorted()
                .toList();
    }

    @PreAuthorize("hasAuthority('PERM_MANAGE_CHANNELS')")
    public SyncState state(long channelId) {
        return jdbc.sql("select synced_at, templates, error, error_at from channel_template_sync where channel_id = ?")
                .param(channelId)
                .query((rs, n) -> new SyncState(
                        instant(rs.getTimestamp(1)), rs.getInt(2), rs.getString(3), instant(rs.getTimestamp(4))))
                .optional()
                .orElse(SyncState.NEVER);
    }

    /** An administrator's "Sync now": the provider's current list, or the reason it could not be read. */
    @PreAuthorize("hasAuthority('PERM_MANAGE_CHANNELS')")
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public SyncState syncNow(long channelId) {
        ConnectedChannel channel =
                directory.byId(channelId).orElseThrow(() -> new NotFoundException("Channel " + channelId));
        if (!hasTemplates(channelId)) {
            throw new UserFacingException("templates.error.not-supported");
        }
        sync(channel);
        return state(channelId);
    }

    /** The job: every connected channel with templates, one after another (failures are recorded per channel). */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public int syncAll() {
        int synced = 0;
        List<Long> ids = jdbc.sql(
                        "select id from channel where enabled and (mode is null or mode <> 'DEMO') order by id")
                .query(Long.class)
                .list();
        for (long id : ids) {
            var channel = directory.byId(id);
            if (channel.isPresent()
                    && registry.capabilities(channel.get().type()).contains(Capability.TEMPLATES)
                    && sync(channel.get())) {
                synced++;
            }
        }
        return synced;
    }

    private boolean sync(ConnectedChannel channel) {
        List<MessageTemplate> fetched;
        try {
            // Demo channels have no provider; a channel not yet connected still has its credentials.
            if (channel.mode() == ChannelMode.DEMO) {
                throw new ProviderErrors.ProviderException(0, "A demo channel has no provider");
            }
            fetched = registry.forType(channel.type()).orElseThrow().fetchTemplates(channel);
        } catch (RuntimeException e) {
            String error = ProviderErrors.describe(e, channel.secrets().values());
            log.warn("Templates of channel {} not synced: {}", channel.id(), error);
            tx.executeWithoutResult(
                    s -> jdbc.sql("""
                            insert into channel_template_sync (channel_id, error, error_at) values (?, ?, now())
                            on conflict (channel_id) do update set error = excluded.error, error_at = now()""").params(channel.id(), error).update());
            return false;
        }
        tx.executeWithoutResult(s -> {
            // The provider's list replaces ours: a template deleted or no longer approved is gone.
            jdbc.sql("delete from channel_template where channel_id = ?")
                    .param(channel.id())
                    .update();
            Timestamp now = Timestamp.from(Instant.now());
            for (MessageTemplate t : fetched) {
                jdbc.sql("""
                                insert into channel_template (channel_id, name, language, category, components, synced_at)
                                values (?, ?, ?, ?, ?, ?) on conflict (channel_id, name, language) do nothing""")
                        .params(channel.id(), t.name(), t.language(), t.category(), Json.write(t.components()), now)
                        .update();
            }
            jdbc.sql("""
                            insert into channel_template_sync (channel_id, synced_at, templates, error, error_at)
                            values (?, ?, ?, null, null)
                            on conflict (channel_id) do update set synced_at = excluded.synced_at,
                                templates = excluded.templates, error = null, error_at = null""").params(channel.id(), now, fetched.size()).update();
        });
        return true;
    }

    private List<MessageTemplate> all(long channelId) {
        return jdbc
                .sql("select name, language, category, components from channel_template where channel_id = ?")
                .param(channelId)
                .query((rs, n) -> new MessageTemplate(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        Json.MAPPER.readValue(rs.getString(4), COMPONENTS)))
                .list()
                .stream()
                .sorted(Comparator.comparing(MessageTemplate::name).thenComparing(MessageTemplate::language))
                .toList();
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
