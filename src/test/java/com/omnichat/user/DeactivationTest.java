package com.omnichat.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.omnichat.IntegrationTest;
import com.omnichat.base.Role;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;

/** A deactivated user can no longer sign in, and the sessions he has open end. */
@IntegrationTest
class DeactivationTest {

    @Autowired
    UserService userService;

    @Autowired
    StaffFixtures staff;

    @Autowired
    SessionRegistry sessions;

    @AfterEach
    void forgetSessions() {
        sessions.getAllPrincipals()
                .forEach(p -> sessions.getAllSessions(p, true)
                        .forEach(s -> sessions.removeSessionInformation(s.getSessionId())));
    }

    @Test
    void deactivatedUserCannotSignInAndHisSessionsAreExpired() {
        StaffMember olena = staff.administrator("olena");
        StaffMember vasylMember = staff.manager("vasyl");
        staff.manager("halyna");
        // Vasyl works in two browsers, Halyna in one.
        Authentication vasyl = staff.authenticate("vasyl", StaffFixtures.PASSWORD);
        Authentication halyna = staff.authenticate("halyna", StaffFixtures.PASSWORD);
        sessions.registerNewSession("vasyl-laptop", vasyl.getPrincipal());
        sessions.registerNewSession("vasyl-phone", vasyl.getPrincipal());
        sessions.registerNewSession("halyna-laptop", halyna.getPrincipal());

        staff.signInAs(olena);
        StaffMember deactivated = userService.deactivate(vasylMember.id());

        assertThat(deactivated.active()).isFalse();
        // Ended through the cluster notification, which comes back to this node too.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(session("vasyl-laptop").isExpired()).isTrue();
            assertThat(session("vasyl-phone").isExpired()).isTrue();
        });
        assertThat(session("halyna-laptop").isExpired())
                .as("other users keep their sessions")
                .isFalse();
        assertThatThrownBy(() -> staff.authenticate("vasyl", StaffFixtures.PASSWORD))
                .isInstanceOf(DisabledException.class);
        assertThat(staff.authenticate("halyna", StaffFixtures.PASSWORD).isAuthenticated())
                .isTrue();
    }

    @Test
    void deactivationThroughEditAlsoEndsSessions() {
        StaffMember olena = staff.administrator("olena");
        StaffMember taras = staff.manager("taras");
        sessions.registerNewSession(
                "taras-laptop",
                staff.authenticate("taras", StaffFixtures.PASSWORD).getPrincipal());
        staff.signInAs(olena);

        userService.update(
                taras.id(), new StaffChanges(taras.fullName(), taras.email(), Role.MANAGER, false, taras.version()));

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> assertThat(session("taras-laptop").isExpired()).isTrue());
        assertThatThrownBy(() -> staff.authenticate("taras", StaffFixtures.PASSWORD))
                .isInstanceOf(DisabledException.class);
    }

    @Test
    void refusedDeactivationLeavesSessionsAlone() {
        StaffMember olena = staff.administrator("olena");
        sessions.registerNewSession(
                "olena-laptop",
                staff.authenticate("olena", StaffFixtures.PASSWORD).getPrincipal());
        staff.signInAs(olena);

        assertThatThrownBy(() -> userService.deactivate(olena.id()))
                .hasMessageContaining("user.error.last-administrator");

        assertThat(session("olena-laptop").isExpired()).isFalse();
    }

    @Test
    void reactivatedUserCanSignInAgain() {
        StaffMember olena = staff.administrator("olena");
        StaffMember taras = staff.create("taras", Role.MANAGER, false, null);
        staff.signInAs(olena);

        userService.update(
                taras.id(), new StaffChanges(taras.fullName(), taras.email(), Role.MANAGER, true, taras.version()));

        assertThat(staff.authenticate("taras", StaffFixtures.PASSWORD).isAuthenticated())
                .isTrue();
    }

    private SessionInformation session(String id) {
        SessionInformation info = sessions.getSessionInformation(id);
        assertThat(info).as("session %s is registered", id).isNotNull();
        return info;
    }
}
