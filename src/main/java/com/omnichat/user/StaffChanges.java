package com.omnichat.user;

import org.jspecify.annotations.Nullable;

import com.omnichat.base.Role;

/** Editable details of a user; {@code version} guards against overwriting someone else's edit. */
public record StaffChanges(String fullName, @Nullable String email, Role role, boolean active, long version) {
}
