package com.omnichat.channel.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.omnichat.channel.ChannelMode;
import com.omnichat.channel.ChannelType;
import com.omnichat.channel.connector.ConnectedChannel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Channels with their decrypted secrets, for connectors and workers (never for views).
 * Cached briefly: the webhook path must not decrypt on every request; a change on this node
 * clears the cache at once, another node's change is seen within the TTL.
 */
@Component
public class ChannelDirectory {

    private static final String SELECT = "select id, channel_key, type, name, mode, secrets, settings from channel";

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final Cache<Long, Optional<ConnectedChannel>> byId = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(15))
            .maximumSize(10_000)
            .build();
    private final Cache<String, Optional<ConnectedChannel>> byKey = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(15))
            .maximumSize(10_000)
            .build();

    ChannelDirectory(JdbcClient jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** An enabled channel by its webhook key and type. */
    public Optional<ConnectedChannel> byKey(ChannelType type, String key) {
        return byKey.get(
                        key,
                        k -> jdbc.sql(SELECT + " where channel_key = ? and enabled")
                                .param(k)
                                .query(this::map)
                                .optional())
                .filter(c -> c.type() == type);
    }

    /** A channel by id, enabled or not. */
    public Optional<ConnectedChannel> byId(long id) {
        return byId.get(
                id,
                i -> jdbc.sql(SELECT + " where id = ?")
                        .param(i)
                        .query(this::map)
                        .optional());
    }

    public boolean enabled(long id) {
        return jdbc.sql("select enabled from channel where id = ?")
                .param(id)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** Enabled channels connected in the given mode. */
    public List<ConnectedChannel> connected(ChannelMode mode) {
        return jdbc.sql(SELECT + " where enabled and mode = ? order by id")
                .param(mode.name())
                .query(this::map)
                .list();
    }

    // After commit: clearing earlier could let another thread cache the old row again.
    @TransactionalEventListener(fallbackExecution = true)
    void on(ChannelSettingsChanged event) {
        byId.invalidateAll();
        byKey.invalidateAll();
    }

    private ConnectedChannel map(ResultSet rs, int n) throws SQLException {
        byte[] secrets = rs.getBytes("secrets");
        String mode = rs.getString("mode");
        return new ConnectedChannel(
                rs.getLong("id"),
                rs.getString("channel_key"),
                ChannelType.valueOf(rs.getString("type")),
                rs.getString("name"),
                mode == null ? null : ChannelMode.valueOf(mode),
                decrypt(rs.getLong("id"), secrets),
                Json.readMap(rs.getString("settings")));
    }

    private Map<String, String> decrypt(long channelId, byte @Nullable [] secrets) {
        return secrets == null ? Map.of() : Json.readMap(cipher.decrypt(channelId, secrets));
    }
}
