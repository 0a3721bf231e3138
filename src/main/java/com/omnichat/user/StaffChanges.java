package com.omnichat.user;

import com.omnichat.base.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Editable details of a user; {@code version} guards against overwriting someone else's edit. */
public record StaffChanges(
        @NotBlank(message = "{user.error.name-required}") @Size(max = MAX_NAME, message = "{user.error.name-required}")
        String fullName,

        @Size(max = MAX_EMAIL, message = "{user.error.email-invalid}")
        @Pattern(regexp = EMAIL, message = "{user.error.email-invalid}")
        @Nullable
        String email,

        Role role,
        boolean active,
        long version) {

    static final int MAX_NAME = 200;
    static final int MAX_EMAIL = 320;
    /** Latin letters, digits, dot, dash, underscore; stored lower-cased, so typed in either case. */
    static final String LOGIN = "\\s*(?i)[a-z0-9][a-z0-9._-]{2,63}\\s*";
    /** Empty (no e-mail) or something@domain.tld, spaces around allowed (they are cut). */
    static final String EMAIL = "\\s*([^@\\s]+@[^@\\s]+\\.[^@\\s]+)?\\s*";
}
