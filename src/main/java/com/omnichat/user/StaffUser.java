package com.omnichat.user;

import com.omnichat.base.Role;
import com.omnichat.base.StaffPrincipal;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "staff_user")
class StaffUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private String login;

    @Column(name = "full_name")
    private String fullName;

    private @Nullable String email;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "role_id")
    private StaffRole role;

    private boolean active = true;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "avatar_color")
    private String avatarColor;

    private @Nullable String language;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected StaffUser() {
        // for JPA
    }

    StaffUser(
            String login, String fullName, @Nullable String email, Role role, String passwordHash, String avatarColor) {
        this(login, fullName, email, new StaffRole(role), passwordHash, avatarColor);
    }

    StaffUser(
            String login,
            String fullName,
            @Nullable String email,
            StaffRole role,
            String passwordHash,
            String avatarColor) {
        this.login = login;
        this.fullName = fullName;
        this.email = email;
        this.role = role;
        this.passwordHash = passwordHash;
        this.avatarColor = avatarColor;
    }

    @PrePersist
    void onCreate() {
        createdAt = Instant.now();
        updatedAt = createdAt;
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = Instant.now();
    }

    long id() {
        if (id == null) {
            throw new IllegalStateException("Not saved yet");
        }
        return id;
    }

    String login() {
        return login;
    }

    Role role() {
        return role.toRole();
    }

    StaffRole staffRole() {
        return role;
    }

    boolean active() {
        return active;
    }

    boolean isActiveAdministrator() {
        return active && role().isAdministrator();
    }

    void changeDetails(String fullName, @Nullable String email, StaffRole role) {
        this.fullName = fullName;
        this.email = email;
        this.role = role;
    }

    void setActive(boolean active) {
        this.active = active;
    }

    void changePasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    String passwordHash() {
        return passwordHash;
    }

    void changeLanguage(@Nullable Locale language) {
        this.language = language == null ? null : language.getLanguage();
    }

    @Nullable
    Locale language() {
        return language == null ? null : Locale.of(language);
    }

    StaffMember toMember() {
        return new StaffMember(
                id(),
                login,
                fullName,
                email,
                role(),
                role.worksInAllChannels(),
                active,
                avatarColor,
                language(),
                version);
    }

    StaffPrincipal toPrincipal() {
        return new StaffPrincipal(id(), login, fullName, role(), active, language(), passwordHash);
    }
}
