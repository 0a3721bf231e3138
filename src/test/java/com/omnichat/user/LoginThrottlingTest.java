package com.omnichat.user;

import static com.omnichat.IntegrationTest.FAILURES_PER_ADDRESS;
import static com.omnichat.IntegrationTest.FAILURES_PER_LOGIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnichat.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.BadCredentialsException;

/**
 * Password guessing is slowed down per login and per client address
 * (limits tightened by {@link IntegrationTest}). Addresses here are opaque strings.
 */
@IntegrationTest
class LoginThrottlingTest {

    @Autowired
    StaffFixtures staff;

    @Test
    void afterTooManyWrongPasswordsTheLoginIsBlockedEvenWithTheRightPassword() {
        staff.manager("stepan");
        staff.manager("solomiya");

        for (int i = 0; i < FAILURES_PER_LOGIN; i++) {
            assertThatThrownBy(() -> staff.authenticate("stepan", "wrong-guess-123", "attacker-1"))
                    .isExactlyInstanceOf(BadCredentialsException.class);
        }

        assertThatThrownBy(() -> staff.authenticate("stepan", StaffFixtures.PASSWORD, "attacker-1"))
                .isInstanceOfSatisfying(
                        LoginThrottledException.class,
                        e -> assertThat(e.minutesToWait()).isPositive());
        assertThatThrownBy(() -> staff.authenticate("STEPAN ", StaffFixtures.PASSWORD, "stepan-office"))
                .as("the login stays blocked from any address, whatever its spelling")
                .isInstanceOf(LoginThrottledException.class);
        assertThat(staff.authenticate("solomiya", StaffFixtures.PASSWORD, "solomiya-office")
                        .isAuthenticated())
                .as("another login from another address still works")
                .isTrue();
    }

    @Test
    void wrongPasswordsForUnknownLoginsCountToo() {
        for (int i = 0; i < FAILURES_PER_LOGIN; i++) {
            assertThatThrownBy(() -> staff.authenticate("ghost", "wrong-guess-123", "prober-1"))
                    .isExactlyInstanceOf(BadCredentialsException.class);
        }

        assertThatThrownBy(() -> staff.authenticate("ghost", "wrong-guess-123", "prober-2"))
                .as("the same answer whether or not the login exists")
                .isInstanceOf(LoginThrottledException.class);
    }

    @Test
    void fewerFailuresThanTheLimitDoNotBlock() {
        staff.manager("svitlana");

        for (int i = 0; i < FAILURES_PER_LOGIN - 1; i++) {
            assertThatThrownBy(() -> staff.authenticate("svitlana", "typo-in-password-1", "svitlana-office"))
                    .isExactlyInstanceOf(BadCredentialsException.class);
        }

        assertThat(staff.authenticate("svitlana", StaffFixtures.PASSWORD, "svitlana-office")
                        .isAuthenticated())
                .isTrue();
    }

    @Test
    void anAddressGuessingManyLoginsIsBlockedForAllOfThem() {
        staff.manager("sofiya");

        // One wrong password each for many logins: no login reaches its own limit.
        for (int i = 0; i < FAILURES_PER_ADDRESS; i++) {
            String login = "sprayed-" + i;
            assertThatThrownBy(() -> staff.authenticate(login, "wrong-guess-123", "sprayer"))
                    .isExactlyInstanceOf(BadCredentialsException.class);
        }

        assertThatThrownBy(() -> staff.authenticate("sofiya", StaffFixtures.PASSWORD, "sprayer"))
                .as("the address is blocked, even for a correct password")
                .isInstanceOf(LoginThrottledException.class);
        assertThat(staff.authenticate("sofiya", StaffFixtures.PASSWORD, "sofiya-home")
                        .isAuthenticated())
                .as("the same login from another address still works")
                .isTrue();
    }
}
