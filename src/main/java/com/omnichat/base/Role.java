package com.omnichat.base;

/** Staff roles. Spring Security sees them as authorities {@code ROLE_<name>}. */
public enum Role {
    ADMINISTRATOR,
    MANAGER;

    public static final String ADMIN = "ADMINISTRATOR";

    public String authority() {
        return "ROLE_" + name();
    }
}
