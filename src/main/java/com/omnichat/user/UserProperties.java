package com.omnichat.user;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code omnichat.login.*} (sign-in throttling) and {@code omnichat.initial-admin.*}.
 *
 * @param login        how wrong passwords slow a login down and block an address
 * @param initialAdmin the administrator created at start-up when there is none
 */
@ConfigurationProperties("omnichat")
public record UserProperties(
        @DefaultValue Login login, @DefaultValue InitialAdmin initialAdmin) {

    /**
     * @param failuresPerLogin   wrong passwords in a row before a login is slowed down
     * @param failuresPerAddress wrong passwords per client address before sign-in from it is blocked
     * @param window             time over which an address's allowance refills and a login's failures are forgotten
     * @param firstDelay         first wait of a slowed-down login
     * @param maxDelay           the most the wait grows to
     */
    public record Login(
            @DefaultValue("5") int failuresPerLogin,
            @DefaultValue("20") int failuresPerAddress,
            @DefaultValue("15m") Duration window,
            @DefaultValue("1s") Duration firstDelay,
            @DefaultValue("1m") Duration maxDelay) {}

    /** Both set: created when no active administrator exists. */
    public record InitialAdmin(
            @DefaultValue("") String login,
            @DefaultValue("") String password) {}
}
