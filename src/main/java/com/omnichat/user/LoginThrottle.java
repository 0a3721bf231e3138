package com.omnichat.user;

import com.omnichat.base.ClientAddress;
import com.omnichat.base.ClusterRateLimits;
import com.omnichat.base.ClusterRateLimits.Limit;
import com.omnichat.base.ClusterRateLimits.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows down password guessing, on all nodes together (the state is in PostgreSQL), and
 * takes each attempt's allowance <em>before</em> its password is checked, so a burst of
 * parallel attempts gets no more than the allowance.
 * <ul>
 * <li>Per client address, strict: a bucket of wrong passwords that refills over the window;
 * empty, the address may not try any login. A correct password gives its token back.</li>
 * <li>Per login, a growing delay rather than a lock (a lock would let anyone lock out the
 * administrator): after {@code failuresPerLogin} wrong passwords in a row the next attempt
 * is not even checked before {@code firstDelay} has passed, and each further failure
 * doubles the wait up to {@code maxDelay}. A correct password after the wait signs in and
 * clears the count; so does a window without attempts.</li>
 * </ul>
 */
@Component
class LoginThrottle {

    /** An attempt that was let through to the password check. */
    record Attempt(String login, String addressKey) {}

    private final ClusterRateLimits limits;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final UserProperties.Login settings;
    private final Limit addressLimit;

    @Autowired
    LoginThrottle(
            ClusterRateLimits limits,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            UserProperties properties) {
        this(limits, jdbc, transactions, Clock.systemUTC(), properties.login());
    }

    LoginThrottle(
            ClusterRateLimits limits,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            Clock clock,
            UserProperties.Login settings) {
        this.limits = limits;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        // The claim commits at once, whatever the caller runs in: other attempts must see it.
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.settings = settings;
        this.addressLimit = new Limit(settings.failuresPerAddress(), settings.window());
    }

    /** Takes the allowance of one attempt, or refuses it with the time to wait. */
    Attempt begin(String login, String address) {
        String key = normalize(login);
        String addressKey = "login-address:" + ClientAddress.key(address);
        Verdict byAddress = limits.take(addressKey, addressLimit);
        if (!byAddress.allowed()) {
            throw new LoginThrottledException(byAddress.retryAfter());
        }
        Duration wait = tx.execute(status -> claim(key));
        if (!wait.isZero()) {
            // Not checked, so not counted against the address.
            limits.giveBack(addressKey, addressLimit);
            throw new LoginThrottledException(wait);
        }
        return new Attempt(key, addressKey);
    }

    /** The password was right: the login's count is cleared and the address gets its token back. */
    void succeeded(Attempt attempt) {
        jdbc.sql("delete from login_delay where login = ?")
                .param(attempt.login())
                .update();
        limits.giveBack(attempt.addressKey(), addressLimit);
    }

    /** The password was wrong: already counted when the attempt began. */
    void failed(Attempt attempt) {
        // Nothing more: begin() counted the attempt as a failure in advance.
    }

    /** Counts the attempt as a failure in advance (the row lock orders parallel attempts); zero when it may go on. */
    private Duration claim(String login) {
        // PostgreSQL keeps microseconds and rounds: a rounded-up "now" would be in the future.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("""
                insert into login_delay (login, failures, not_before, last_attempt_at) values (?, 0, ?, ?)
                on conflict (login) do nothing""").params(login, at(now), at(now)).update();
        var row = jdbc.sql("select failures, not_before, last_attempt_at from login_delay where login = ? for update")
                .param(login)
                .query((rs, n) -> new Row(
                        rs.getInt(1),
                        rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getObject(3, OffsetDateTime.class).toInstant()))
                .single();
        boolean forgotten = row.lastAttemptAt().plus(settings.window()).isBefore(now);
        int failures = forgotten ? 0 : row.failures();
        if (!forgotten && row.notBefore().isAfter(now)) {
            return Duration.between(now, row.notBefore());
        }
        int counted = failures + 1;
        jdbc.sql("update login_delay set failures = ?, not_before = ?, last_attempt_at = ? where login = ?")
                .params(counted, at(now.plus(delayAfter(counted))), at(now), login)
                .update();
        return Duration.ZERO;
    }

    /** How long the next attempt waits after {@code failures} wrong passwords in a row. */
    Duration delayAfter(int failures) {
        int beyond = failures - settings.failuresPerLogin();
        if (beyond < 0) {
            return Duration.ZERO;
        }
        Duration delay = settings.firstDelay().multipliedBy(1L << Math.min(beyond, 30));
        return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
    }

    private static String normalize(String login) {
        String key = login.trim().toLowerCase(Locale.ROOT);
        return key.length() > 200 ? key.substring(0, 200) : key;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private record Row(int failures, Instant notBefore, Instant lastAttemptAt) {}
}
