package com.omnichat.customer;

import com.omnichat.base.UserFacingException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * E-mail addresses as a shop needs them: one @, a dotted domain, no spaces, within the
 * lengths mail servers accept; stored lower-cased so the same address always matches.
 */
final class EmailAddresses {

    static final int MAX = 254;
    private static final int LOCAL_MAX = 64;
    private static final Pattern FORM = Pattern.compile(
            "[^\\s@\"(),:;<>\\[\\]\\\\]+@(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?\\.)+[\\p{L}]{2,}");

    private EmailAddresses() {}

    /** The address lower-cased, null for a blank input; a user error when it is no e-mail address. */
    static @Nullable String normalize(@Nullable String input) {
        if (input == null || input.isBlank()) {
            return null;
        }
        String email = input.strip().toLowerCase(Locale.ROOT);
        int at = email.lastIndexOf('@');
        if (email.length() > MAX
                || at < 1
                || at > LOCAL_MAX
                || !FORM.matcher(email).matches()
                || email.startsWith(".")
                || email.contains("..")
                || email.charAt(at - 1) == '.') {
            throw new UserFacingException(
                    "client.error.email-invalid", email.length() > 60 ? email.substring(0, 60) + "…" : email);
        }
        return email;
    }
}
