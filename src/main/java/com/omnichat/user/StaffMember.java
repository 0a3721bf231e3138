package com.omnichat.user;

import com.omnichat.base.Initials;
import com.omnichat.base.Role;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** A staff user as other modules and views see him (no password). */
public record StaffMember(
        long id,
        String login,
        String fullName,
        @Nullable String email,
        Role role,
        /** Every channel, granted or not: the Administrator and roles that manage channels. */
        boolean worksInAllChannels,
        boolean active,
        String avatarColor,
        @Nullable Locale language,
        long version) {

    /** One or two letters for the avatar: first letters of the first and last word of the name. */
    public String initials() {
        return Initials.of(fullName, login.substring(0, 1).toUpperCase(Locale.ROOT));
    }
}
