package com.omnichat.base;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in staff member as every module sees him. Lives in {@code base} so that
 * features can check permissions without depending on the user module's internals. The
 * permissions are those of his role when this object was made: {@link CurrentStaff} hands out
 * a principal with the role's permissions as they stand now.
 */
public final class StaffPrincipal implements UserDetails, CredentialsContainer {

    private final long id;
    private final String login;
    private final String fullName;
    private final Role role;
    private final Set<Permission> permissions;
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
        this(id, login, fullName, role, defaultPermissions(role), active, language, passwordHash);
    }

    public StaffPrincipal(
            long id,
            String login,
            String fullName,
            Role role,
            Set<Permission> permissions,
            boolean active,
            @Nullable Locale language,
            @Nullable String passwordHash) {
        this.id = id;
        this.login = login;
        this.fullName = fullName;
        this.role = role;
        this.permissions = permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
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

    /** Whether his role is the built-in Administrator (the last-administrator rule; checks ask {@link #can}). */
    public boolean isAdministrator() {
        return role.isAdministrator();
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public boolean can(Permission permission) {
        return permissions.contains(permission);
    }

    /** Every channel, granted or not (see {@link Permission#MANAGE_CHANNELS}). */
    public boolean worksInAllChannels() {
        return can(Permission.MANAGE_CHANNELS);
    }

    /** The same user with his role's permissions as they stand now. */
    public StaffPrincipal withPermissions(Set<Permission> now) {
        return new StaffPrincipal(id, login, fullName, role, now, active, language, passwordHash);
    }

    /** The built-in roles' permissions (the Administrator's are not editable: always all). */
    public static Set<Permission> defaultPermissions(Role role) {
        if (role.isAdministrator()) {
            return EnumSet.allOf(Permission.class);
        }
        return role.equals(Role.MANAGER) ? Role.MANAGER_DEFAULTS : Set.of();
    }

    /** The language the user chose, or empty when the browser's language applies. */
    public @Nullable Locale language() {
        return language;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        if (role.isBuiltIn()) {
            // As before roles were editable (the actuator's endpoints ask for ROLE_ADMINISTRATOR).
            authorities.add(new SimpleGrantedAuthority(role.isAdministrator() ? "ROLE_ADMINISTRATOR" : "ROLE_MANAGER"));
        }
        permissions.forEach(p -> authorities.add(new SimpleGrantedAuthority(p.authority())));
        return authorities;
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
        return "StaffPrincipal[" + id + ", " + login + ", " + role.name() + "]";
    }
}
