package com.omnichat.base;

/**
 * Thrown when something does not exist <em>or the user may not see it</em>: the two are
 * deliberately indistinguishable, so a deep link never reveals what exists.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found");
    }
}
