package com.omnichat.channel;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

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
