package com.omnichat.user;

import org.jspecify.annotations.Nullable;

import com.omnichat.base.Role;

/** What an administrator enters to create a user. */
public record NewStaffMember(String login, String fullName, @Nullable String email, Role role, String password) {
}
