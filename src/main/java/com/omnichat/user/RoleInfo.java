package com.omnichat.user;

import com.omnichat.base.Permission;
import com.omnichat.base.Role;
import java.util.Set;

/** A role as Administration → Roles shows it: its permissions and how many users have it. */
public record RoleInfo(Role role, Set<Permission> permissions, long users, long version) {

    public boolean builtIn() {
        return role.isBuiltIn();
    }

    /** The Administrator's permissions are fixed (all), so no one locks every administrator out. */
    public boolean permissionsEditable() {
        return !role.isAdministrator();
    }
}
