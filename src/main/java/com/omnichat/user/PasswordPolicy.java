package com.omnichat.user;

import com.omnichat.base.UserFacingException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Staff passwords: long enough, letters and digits, not the login, and no longer than BCrypt
 * reads (72 bytes of UTF-8: a Cyrillic letter takes two, so 36 of them). BCrypt ignores what
 * comes after, so a longer password would be accepted with anything in place of its end.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_BYTES = 72;

    private PasswordPolicy() {}

    static void check(String login, String password) {
        if (password.length() < MIN_LENGTH) {
            throw new UserFacingException("user.error.password-length", MIN_LENGTH);
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new UserFacingException("user.error.password-too-long", MAX_BYTES);
        }
        boolean letter = password.chars().anyMatch(Character::isLetter);
        boolean digit = password.chars().anyMatch(Character::isDigit);
        if (!letter || !digit) {
            throw new UserFacingException("user.error.password-weak");
        }
        if (password.toLowerCase(Locale.ROOT).contains(login.toLowerCase(Locale.ROOT))) {
            throw new UserFacingException("user.error.password-contains-login");
        }
    }
}
