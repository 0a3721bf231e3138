package com.omnichat.user;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import com.omnichat.base.Role;

/** A staff user as other modules and views see him (no password). */
public record StaffMember(long id, String login, String fullName, @Nullable String email, Role role,
                          boolean active, String avatarColor, @Nullable Locale language, long version) {

    /** One or two letters for the avatar: first letters of the first and last word of the name. */
    public String initials() {
        String[] words = fullName.trim().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            return login.substring(0, 1).toUpperCase(Locale.ROOT);
        }
        String first = words[0].substring(0, 1);
        String last = words.length > 1 ? words[words.length - 1].substring(0, 1) : "";
        return (first + last).toUpperCase(Locale.ROOT);
    }

    public boolean isAdministrator() {
        return role == Role.ADMINISTRATOR;
    }

}
