package com.omnichat.base;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in staff member as every module sees him. Lives in {@code base} so that
 * features can check roles without depending on the user module's internals.
 */
public final class StaffPrincipal implements UserDetails, CredentialsContainer {

    private final long id;
    private final String login;
    private final String fullName;
    private final Role role;
    private final boolean active;
    private final @Nullable Locale language;
    private @Nullable String passwordHash;

    public StaffPrincipal(
            long id,
            String login,
            String fullName,
            Role role,
            boolean active,
            @Nullable Locale language,
            @Nullable String passwordHash) {
        this.id = id;
        this.login = login;
        this.fullName = fullName;
        this.role = role;
        this.active = active;
        this.language = language;
        this.passwordHash = passwordHash;
    }

    public long id() {
        return id;
    }

    public String login() {
        return login;
    }

    public String fullName() {
        return fullName;
    }

    public Role role() {
        return role;
    }

    public boolean isAdministrator() {
        return role == Role.ADMINISTRATOR;
    }

    /** The language the user chose, or empty when the browser's language applies. */
    public @Nullable Locale language() {
        return language;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return login;
    }

    @Override
    public boolean isEnabled() {
        return active;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    // Equality by id: the session registry finds all sessions of one user through it.
    @Override
    public boolean equals(Object o) {
        return o instanceof StaffPrincipal other && other.id == id;
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }

    @Override
    public String toString() {
        return "StaffPrincipal[" + id + ", " + login + ", " + role + "]";
    }
}
