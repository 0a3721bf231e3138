package com.omnichat.user;

import com.omnichat.base.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What an administrator enters to create a user. The password's rules depend on the login
 * too ({@link PasswordPolicy}): the service checks them.
 */
public record NewStaffMember(
        @NotBlank(message = "{user.error.login-format}")
        @Pattern(regexp = StaffChanges.LOGIN, message = "{user.error.login-format}")
        String login,

        @NotBlank(message = "{user.error.name-required}")
        @Size(max = StaffChanges.MAX_NAME, message = "{user.error.name-required}")
        String fullName,

        @Size(max = StaffChanges.MAX_EMAIL, message = "{user.error.email-invalid}")
        @Pattern(regexp = StaffChanges.EMAIL, message = "{user.error.email-invalid}")
        @Nullable
        String email,

        Role role,
        String password) {}
