package com.omnichat.user;

/** A role's permissions or name changed: every node reads the role again (a live event, see {@link RolePermissions}). */
record RoleChanged(long roleId) {}
