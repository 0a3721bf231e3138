package com.omnichat.channel;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "channel")
class Channel {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Enumerated(EnumType.STRING)
    private ChannelType type;

    private String name;

    private boolean enabled = true;

    /** The key in the webhook URL; random, so the URL cannot be guessed from the id. */
    @Column(name = "channel_key")
    private String key = newKey();

    @Enumerated(EnumType.STRING)
    private @Nullable ChannelMode mode;

    /** AES-GCM encrypted JSON of the provider secrets (see SecretCipher). */
    private byte @Nullable [] secrets;

    /** Plain settings as JSON (e.g. a welcome text). */
    private @Nullable String settings;

    @Column(name = "created_at", insertable = false, updatable = false)
    private @Nullable Instant createdAt;

    @Version
    private long version;

    /** Managers allowed to work with this channel. */
    @ElementCollection
    @CollectionTable(name = "channel_access", joinColumns = @JoinColumn(name = "channel_id"))
    @Column(name = "user_id")
    private Set<Long> users = new HashSet<>();

    protected Channel() {
        // for JPA
    }

    Channel(ChannelType type, String name) {
        this.type = type;
        this.name = name;
    }

    String name() {
        return name;
    }

    @Nullable
    Long id() {
        return id;
    }

    ChannelType type() {
        return type;
    }

    String key() {
        return key;
    }

    boolean enabled() {
        return enabled;
    }

    @Nullable
    ChannelMode mode() {
        return mode;
    }

    byte @Nullable [] secrets() {
        return secrets;
    }

    @Nullable
    String settings() {
        return settings;
    }

    void rename(String name) {
        this.name = name;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    void connect(@Nullable ChannelMode mode, byte @Nullable [] secrets, @Nullable String settings) {
        this.mode = mode;
        this.secrets = secrets;
        this.settings = settings;
    }

    private static String newKey() {
        byte[] bytes = new byte[18];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    Set<Long> users() {
        return users;
    }

    ChannelInfo toInfo() {
        if (id == null) {
            throw new IllegalStateException("Not saved yet");
        }
        return new ChannelInfo(id, type, name, enabled);
    }
}
