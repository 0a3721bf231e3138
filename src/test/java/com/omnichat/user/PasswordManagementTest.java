package com.omnichat.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnichat.IntegrationTest;
import com.omnichat.base.UserFacingException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;

/** Passwords: an administrator resets one, a user changes his own. */
@IntegrationTest
class PasswordManagementTest {

    @Autowired
    UserService userService;

    @Autowired
    StaffFixtures staff;

    @Test
    void administratorResetsPasswordAndUserSignsInWithIt() {
        StaffMember bohdan = staff.manager("bohdan");
        staff.signInAs(staff.administrator("olena"));

        userService.resetPassword(bohdan.id(), "new-spring-morning-9");

        assertThat(staff.authenticate("bohdan", "new-spring-morning-9").isAuthenticated())
                .isTrue();
        assertThatThrownBy(() -> staff.authenticate("bohdan", StaffFixtures.PASSWORD))
                .as("the old password no longer works")
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void resetPasswordFollowsThePasswordPolicy() {
        StaffMember bohdan = staff.manager("bohdanna");
        staff.signInAs(staff.administrator("olena"));

        assertThatThrownBy(() -> userService.resetPassword(bohdan.id(), "bohdanna-2026x"))
                .isInstanceOfSatisfying(
                        UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("user.error.password-contains-login"));
        assertThat(staff.authenticate("bohdanna", StaffFixtures.PASSWORD).isAuthenticated())
                .as("the old password still works")
                .isTrue();
    }

    @Test
    void managerCannotResetSomeoneElsesPassword() {
        StaffMember admin = staff.administrator("olena");
        staff.signInAs(staff.manager("marko"));

        assertThatThrownBy(() -> userService.resetPassword(admin.id(), "take-over-2026"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(staff.authenticate("olena", StaffFixtures.PASSWORD).isAuthenticated())
                .isTrue();
    }

    @Test
    void userChangesOwnPassword() {
        staff.signInAs(staff.manager("yaryna"));

        userService.changeOwnPassword(StaffFixtures.PASSWORD, "quiet-river-2026");

        assertThat(staff.authenticate("yaryna", "quiet-river-2026").isAuthenticated())
                .isTrue();
        assertThatThrownBy(() -> staff.authenticate("yaryna", StaffFixtures.PASSWORD))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void changingOwnPasswordNeedsTheCurrentOne() {
        staff.signInAs(staff.manager("zoryana"));

        assertThatThrownBy(() -> userService.changeOwnPassword("not-my-password-1", "quiet-river-2026"))
                .isInstanceOfSatisfying(
                        UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("user.error.current-password-wrong"));
        assertThat(staff.authenticate("zoryana", StaffFixtures.PASSWORD).isAuthenticated())
                .as("the password is unchanged")
                .isTrue();
    }

    @Test
    void newOwnPasswordFollowsThePasswordPolicy() {
        staff.signInAs(staff.manager("zinoviy"));

        assertThatThrownBy(() -> userService.changeOwnPassword(StaffFixtures.PASSWORD, "short1"))
                .isInstanceOfSatisfying(
                        UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("user.error.password-length"));
    }

    @Test
    void anonymousVisitorCannotChangeAPassword() {
        staff.signInAnonymously();
        assertThatThrownBy(() -> userService.changeOwnPassword(StaffFixtures.PASSWORD, "quiet-river-2026"))
                .isInstanceOf(AccessDeniedException.class);
    }
}
