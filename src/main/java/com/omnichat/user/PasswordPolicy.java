package com.omnichat.user;

import java.util.Locale;

import com.omnichat.base.UserFacingException;

/** Minimum strength for staff passwords: long enough, letters and digits, not the login. */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    static void check(String login, String password) {
        if (password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            throw new UserFacingException("user.error.password-length", MIN_LENGTH);
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
