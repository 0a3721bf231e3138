package com.omnichat.user;

import com.omnichat.base.Permission;
import com.omnichat.base.Role;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Set;

/** A user's role as his row refers to it (read-only here: {@link RoleService} writes roles). */
@Entity
@Table(name = "staff_role")
class StaffRole {

    @Id
    private Long id;

    @Column(insertable = false, updatable = false)
    private String name;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "staff_role_permission", joinColumns = @JoinColumn(name = "role_id"))
    @Column(name = "permission", insertable = false, updatable = false)
    @Enumerated(EnumType.STRING)
    private Set<Permission> permissions = new HashSet<>();

    protected StaffRole() {
        // for JPA
    }

    StaffRole(Role role) {
        this.id = role.id();
        this.name = role.name();
    }

    Role toRole() {
        return new Role(id, name);
    }

    boolean worksInAllChannels() {
        return toRole().isAdministrator() || permissions.contains(Permission.MANAGE_CHANNELS);
    }
}
