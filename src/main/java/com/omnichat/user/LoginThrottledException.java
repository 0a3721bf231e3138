package com.omnichat.user;

import java.time.Duration;
import org.springframework.security.authentication.LockedException;

/** Sign-in refused, before the password was checked, because of recent failures; says for how long. */
public class LoginThrottledException extends LockedException {

    private final Duration retryAfter;

    LoginThrottledException(Duration retryAfter) {
        super("Too many failed sign-in attempts");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds to wait, at least one. */
    public long secondsToWait() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    /** Whole minutes to wait, at least one. */
    public long minutesToWait() {
        return Math.max(1, (retryAfter.toSeconds() + 59) / 60);
    }
}
