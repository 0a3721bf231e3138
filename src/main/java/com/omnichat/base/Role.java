package com.omnichat.base;

import java.util.EnumSet;
import java.util.Set;

/**
 * A staff role: the two built-in ones (which cannot be deleted) or one an administrator
 * made from permissions. Equal by id: a rename keeps it the same role.
 */
public record Role(long id, String name) {

    public static final Role ADMINISTRATOR = new Role(1, "Administrator");
    public static final Role MANAGER = new Role(2, "Manager");

    /** What the built-in Manager role could do before roles were editable (its initial permissions). */
    public static final Set<Permission> MANAGER_DEFAULTS =
            Set.copyOf(EnumSet.of(Permission.SEE_ALL_CHATS, Permission.ASSIGN_CHATS, Permission.CLOSE_CHATS));

    public boolean isBuiltIn() {
        return id == ADMINISTRATOR.id || id == MANAGER.id;
    }

    public boolean isAdministrator() {
        return id == ADMINISTRATOR.id;
    }

    /** The translation key of a built-in role's name; a role an administrator made shows its own name. */
    public String labelKey() {
        return id == ADMINISTRATOR.id ? "role.ADMINISTRATOR" : id == MANAGER.id ? "role.MANAGER" : "";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Role other && other.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }
}
