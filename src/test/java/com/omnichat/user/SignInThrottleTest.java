package com.omnichat.user;

import static com.omnichat.IntegrationTest.FAILURES_PER_ADDRESS;
import static com.omnichat.IntegrationTest.FAILURES_PER_LOGIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnichat.IntegrationTest;
import com.omnichat.base.ClusterRateLimits;
import com.omnichat.base.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Sign-in throttling as an attacker meets it: the allowance is taken before the password is
 * checked (a parallel burst gets no more), it is shared by all nodes, a login is slowed down
 * by growing delays instead of locked, and a deactivated account shows only to someone who
 * knows its password.
 */
@IntegrationTest
class SignInThrottleTest {

    @Autowired
    StaffFixtures staff;

    @Autowired
    ClusterRateLimits limits;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aParallelBurstOnOneLoginGetsOnlyTheAllowanceChecked() throws Exception {
        staff.manager("stepan");

        List<Throwable> outcomes = burst(24, i -> () -> staff.authenticate("stepan", "wrong-guess-123", "bot-" + i));

        assertThat(outcomes)
                .filteredOn(e -> e instanceof BadCredentialsException)
                .hasSize(FAILURES_PER_LOGIN);
        assertThat(outcomes)
                .filteredOn(e -> e instanceof LoginThrottledException)
                .hasSize(24 - FAILURES_PER_LOGIN);
    }

    @Test
    void aParallelBurstFromOneAddressGetsOnlyTheAddressAllowanceChecked() throws Exception {
        List<Throwable> outcomes = burst(
                24,
                i -> () -> staff.authenticate(
                        "sprayed-" + i, "wrong-guess-123", "2001:db8:7:7::" + Integer.toHexString(i + 1)));

        assertThat(outcomes)
                .as("one /64, one address")
                .filteredOn(e -> e instanceof BadCredentialsException)
                .hasSize(FAILURES_PER_ADDRESS);
        assertThat(outcomes)
                .filteredOn(e -> e instanceof LoginThrottledException)
                .hasSize(24 - FAILURES_PER_ADDRESS);
    }

    @Test
    void twoNodesCountTheSameFailures() {
        var settings =
                new UserProperties.Login(3, 100, Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofMinutes(1));
        var nodeA = new LoginThrottle(limits, jdbc, transactions, Clock.systemUTC(), settings);
        var nodeB = new LoginThrottle(limits, jdbc, transactions, Clock.systemUTC(), settings);

        nodeA.failed(nodeA.begin("olena", "198.51.100.1"));
        nodeB.failed(nodeB.begin("olena", "198.51.100.2"));
        nodeA.failed(nodeA.begin("olena", "198.51.100.3"));

        assertThatThrownBy(() -> nodeB.begin("olena", "198.51.100.4"))
                .isInstanceOfSatisfying(
                        LoginThrottledException.class,
                        e -> assertThat(e.secondsToWait()).isBetween(1L, 30L));
    }

    @Test
    void twoNodesShareTheAddressAllowance() {
        var settings =
                new UserProperties.Login(100, 4, Duration.ofMinutes(15), Duration.ofSeconds(1), Duration.ofMinutes(1));
        var nodeA = new LoginThrottle(limits, jdbc, transactions, Clock.systemUTC(), settings);
        var nodeB = new LoginThrottle(limits, jdbc, transactions, Clock.systemUTC(), settings);

        for (int i = 0; i < 4; i++) {
            LoginThrottle node = i % 2 == 0 ? nodeA : nodeB;
            node.failed(node.begin("guess-" + i, "203.0.113.9"));
        }

        assertThatThrownBy(() -> nodeA.begin("another", "203.0.113.9")).isInstanceOf(LoginThrottledException.class);
        assertThatThrownBy(() -> nodeB.begin("another", "203.0.113.9")).isInstanceOf(LoginThrottledException.class);
        assertThatCode(() -> nodeB.begin("another", "203.0.113.10")).doesNotThrowAnyException();
    }

    @Test
    void eachFailureBeyondTheAllowanceDoublesTheWaitUpToTheCapAndTheRightPasswordStillWorks() {
        var clock = new TestClock();
        var throttle = new LoginThrottle(
                limits,
                jdbc,
                transactions,
                clock,
                new UserProperties.Login(2, 100, Duration.ofMinutes(15), Duration.ofSeconds(1), Duration.ofSeconds(8)));
        throttle.failed(throttle.begin("admin", "192.0.2.1"));
        throttle.failed(throttle.begin("admin", "192.0.2.1"));

        for (long expected : new long[] {1, 2, 4, 8, 8}) {
            assertThatThrownBy(() -> throttle.begin("admin", "192.0.2.1"))
                    .as("after a failure the next attempt waits %d s", expected)
                    .isInstanceOfSatisfying(
                            LoginThrottledException.class,
                            e -> assertThat(e.secondsToWait()).isEqualTo(expected));
            clock.advance(Duration.ofSeconds(expected).minusMillis(1));
            assertThatThrownBy(() -> throttle.begin("admin", "192.0.2.2"))
                    .as("from any address")
                    .isInstanceOf(LoginThrottledException.class);
            clock.advance(Duration.ofMillis(1));
            throttle.failed(throttle.begin("admin", "192.0.2.1"));
        }

        clock.advance(Duration.ofSeconds(8));
        throttle.succeeded(throttle.begin("admin", "192.0.2.3"));
        assertThatCode(() -> throttle.begin("admin", "192.0.2.3"))
                .as("a correct password clears the count")
                .doesNotThrowAnyException();
    }

    @Test
    void aQuietWindowForgetsTheFailures() {
        var clock = new TestClock();
        var throttle = new LoginThrottle(
                limits,
                jdbc,
                transactions,
                clock,
                new UserProperties.Login(1, 100, Duration.ofMinutes(15), Duration.ofSeconds(5), Duration.ofMinutes(1)));
        throttle.failed(throttle.begin("svitlana", "192.0.2.1"));
        assertThatThrownBy(() -> throttle.begin("svitlana", "192.0.2.1")).isInstanceOf(LoginThrottledException.class);

        clock.advance(Duration.ofMinutes(16));

        assertThatCode(() -> throttle.begin("svitlana", "192.0.2.1"))
                .as("a quiet window forgets the failures")
                .doesNotThrowAnyException();
    }

    @Test
    void aDeactivatedAccountIsToldOnlyAfterTheCorrectPassword() {
        staff.create("taras", Role.MANAGER, false, null);

        assertThatThrownBy(() -> staff.authenticate("taras", "wrong-guess-123"))
                .as("a wrong password looks like any wrong password")
                .isExactlyInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> staff.authenticate("taras", StaffFixtures.PASSWORD))
                .isInstanceOf(DisabledException.class);
    }

    @Test
    void aCorrectPasswordDoesNotUseUpTheAddressAllowance() {
        staff.manager("sofiya");
        for (int i = 0; i < FAILURES_PER_ADDRESS + 2; i++) {
            assertThat(staff.authenticate("sofiya", StaffFixtures.PASSWORD, "sofiya-office")
                            .isAuthenticated())
                    .isTrue();
        }
    }

    private interface Attempts {
        Callable<Object> attempt(int i);
    }

    private static List<Throwable> burst(int n, Attempts attempts) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            var start = new CountDownLatch(1);
            List<Future<Throwable>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Callable<Object> attempt = attempts.attempt(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        attempt.call();
                        return null;
                    } catch (Exception e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Throwable> outcomes = new ArrayList<>();
            for (Future<Throwable> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A clock the test moves forward. */
    private static final class TestClock extends Clock {

        private Instant now = Instant.parse("2026-06-01T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
