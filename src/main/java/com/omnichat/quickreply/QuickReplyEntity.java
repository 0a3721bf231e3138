package com.omnichat.quickreply;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "quick_reply")
class QuickReplyEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private String title;

    private String body;

    private @Nullable String shortcut;

    private boolean active = true;

    @Column(name = "owner_id")
    private @Nullable Long ownerId;

    // Only ever changed by an atomic SQL update (markUsed); never written back by the entity.
    @Column(name = "usage_count", insertable = false, updatable = false)
    private long usageCount;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected QuickReplyEntity() {
        this.title = "";
        this.body = "";
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    QuickReplyEntity(@Nullable Long ownerId) {
        this();
        this.ownerId = ownerId;
    }

    void apply(String title, String body, @Nullable String shortcut, boolean active) {
        this.title = title;
        this.body = body;
        this.shortcut = shortcut;
        this.active = active;
    }

    @PrePersist
    @PreUpdate
    void touch() {
        updatedAt = Instant.now();
    }

    @Nullable
    Long ownerId() {
        return ownerId;
    }

    long version() {
        return version;
    }

    QuickReply toView() {
        return new QuickReply(id == null ? 0 : id, title, body, shortcut, active, ownerId, usageCount, version);
    }
}
