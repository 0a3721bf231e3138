package com.omnichat.base;

import java.util.Arrays;

/**
 * A rule violation the user can fix. Carries a translation key and arguments so each
 * view shows it in the user's language.
 */
public class UserFacingException extends RuntimeException {

    private final String messageKey;
    private final Object[] args;

    public UserFacingException(String messageKey, Object... args) {
        super(messageKey + (args.length == 0 ? "" : " " + Arrays.toString(args)));
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
