package com.omnichat.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.omnichat.IntegrationTest;
import com.omnichat.base.ClusterBroadcaster;
import com.omnichat.base.CurrentStaff;
import com.omnichat.base.OtherNode;
import com.omnichat.base.Role;
import com.omnichat.base.StaffPrincipal;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.test.context.TestSecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * A user's sessions follow his account on every node: a role change, a password change or
 * reset and a deactivation end them (announced through PostgreSQL NOTIFY; a second
 * broadcaster and session registry on the same database stand in for another node), and
 * until they end, services already judge him by his current role.
 */
@IntegrationTest
class SessionsFollowTheUserTest {

    @Autowired
    UserService userService;

    @Autowired
    StaffFixtures staff;

    @Autowired
    SessionRegistry nodeA;

    @Autowired
    StaffStandings standings;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSourceProperties dataSource;

    @Autowired
    ClusterBroadcaster broadcasterA;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JsonMapper json;

    SessionRegistry nodeB = new SessionRegistryImpl();
    ClusterBroadcaster broadcasterB;
    StaffSessions sessionsB;

    @BeforeEach
    void startSecondNode() {
        broadcasterB = OtherNode.broadcaster(jdbc, dataSource, json);
        sessionsB = new StaffSessions(nodeB, broadcasterB, standings);
        // Node B hears notifications only once it listens: wait until a probe gets through.
        var heard = new AtomicBoolean();
        Runnable probe = broadcasterB.subscribe(
                Probe.class, p -> heard.set(heard.get() || p.name().equals("sessions")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            tx.executeWithoutResult(s -> broadcasterA.publish(new Probe("sessions")));
            assertThat(heard).isTrue();
        });
        probe.run();
    }

    record Probe(String name) {}

    @AfterEach
    void stopSecondNode() {
        sessionsB.destroy();
        broadcasterB.stop();
        RequestContextHolder.resetRequestAttributes();
        nodeA.getAllPrincipals()
                .forEach(p ->
                        nodeA.getAllSessions(p, true).forEach(s -> nodeA.removeSessionInformation(s.getSessionId())));
    }

    @Test
    void aRoleChangeEndsTheUsersSessionsOnEveryNode() {
        StaffMember olena = staff.administrator("olena");
        StaffMember petro = staff.administrator("petro");
        StaffMember halyna = staff.manager("halyna");
        nodeA.registerNewSession("petro-laptop", staff.principalOf(petro));
        nodeB.registerNewSession("petro-phone", staff.principalOf(petro));
        nodeB.registerNewSession("halyna-phone", staff.principalOf(halyna));
        staff.signInAs(olena);

        userService.update(
                petro.id(), new StaffChanges(petro.fullName(), petro.email(), Role.MANAGER, true, petro.version()));

        awaitExpired(nodeA, "petro-laptop");
        awaitExpired(nodeB, "petro-phone");
        assertThat(nodeB.getSessionInformation("halyna-phone").isExpired())
                .as("others keep theirs")
                .isFalse();
    }

    @Test
    void aPasswordResetEndsTheUsersSessionsOnEveryNode() {
        StaffMember bohdan = staff.manager("bohdan");
        nodeA.registerNewSession("bohdan-laptop", staff.principalOf(bohdan));
        nodeB.registerNewSession("bohdan-phone", staff.principalOf(bohdan));
        staff.signInAs(staff.administrator("olena"));

        userService.resetPassword(bohdan.id(), "new-spring-morning-9");

        awaitExpired(nodeA, "bohdan-laptop");
        awaitExpired(nodeB, "bohdan-phone");
    }

    @Test
    void aDeactivationEndsTheUsersSessionsOnEveryNode() {
        StaffMember vasyl = staff.manager("vasyl");
        nodeB.registerNewSession("vasyl-phone", staff.principalOf(vasyl));
        staff.signInAs(staff.administrator("olena"));

        userService.deactivate(vasyl.id());

        awaitExpired(nodeB, "vasyl-phone");
    }

    @Test
    void changingHisOwnPasswordKeepsTheCurrentSessionAndEndsTheOthers() {
        StaffMember yaryna = staff.manager("yaryna");
        StaffPrincipal principal = staff.principalOf(yaryna);
        nodeA.registerNewSession("yaryna-here", principal);
        nodeA.registerNewSession("yaryna-tablet", principal);
        nodeB.registerNewSession("yaryna-phone", principal);
        var request = new MockHttpServletRequest();
        request.setSession(new MockHttpSession(null, "yaryna-here"));
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        staff.signInAs(yaryna);

        userService.changeOwnPassword(StaffFixtures.PASSWORD, "quiet-river-2026");

        awaitExpired(nodeA, "yaryna-tablet");
        awaitExpired(nodeB, "yaryna-phone");
        assertThat(nodeA.getSessionInformation("yaryna-here").isExpired())
                .as("where he changed it")
                .isFalse();
    }

    @Test
    void aRolledBackChangeEndsNoSession() {
        StaffMember olena = staff.administrator("olena");
        nodeB.registerNewSession("olena-phone", staff.principalOf(olena));
        staff.signInAs(olena);

        assertThatThrownBy(() -> userService.update(
                        olena.id(),
                        new StaffChanges(olena.fullName(), olena.email(), Role.MANAGER, true, olena.version())))
                .hasMessageContaining("user.error.last-administrator");
        // A later change of someone else is heard, so the refused one would have been heard before it.
        StaffMember taras = staff.manager("taras");
        nodeB.registerNewSession("taras-phone", staff.principalOf(taras));
        userService.deactivate(taras.id());
        awaitExpired(nodeB, "taras-phone");

        assertThat(nodeB.getSessionInformation("olena-phone").isExpired()).isFalse();
    }

    @Test
    void aDemotedAdministratorStillSignedInIsRefusedAdministration() {
        StaffMember olena = staff.administrator("olena");
        StaffMember petro = staff.administrator("petro");
        StaffPrincipal petroAsSignedIn = staff.principalOf(petro);
        staff.signInAs(olena);
        userService.update(
                petro.id(), new StaffChanges(petro.fullName(), petro.email(), Role.MANAGER, true, petro.version()));

        // His session still holds the administrator he signed in as.
        TestSecurityContextHolder.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                petroAsSignedIn, null, petroAsSignedIn.getAuthorities()));

        assertThat(petroAsSignedIn.isAdministrator()).isTrue();
        assertThatThrownBy(() -> userService.search("", 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> userService.resetPassword(olena.id(), "take-over-2026x"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(CurrentStaff.require().isAdministrator())
                .as("services checking the role by hand")
                .isFalse();
        assertThat(userService.activeStaff())
                .as("what a manager may do still works")
                .isNotEmpty();
    }

    @Test
    void aDeactivatedUserStillSignedInCanDoNothing() {
        StaffMember vasyl = staff.manager("vasyl");
        staff.signInAs(vasyl);
        staff.deactivateInDatabase(vasyl);
        standings.forget(vasyl.id()); // as the notification of the node that deactivated him does

        assertThatThrownBy(() -> userService.activeStaff()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> userService.changeOwnPassword(StaffFixtures.PASSWORD, "quiet-river-2026"))
                .isInstanceOf(AccessDeniedException.class);
    }

    private static void awaitExpired(SessionRegistry node, String sessionId) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            SessionInformation info = node.getSessionInformation(sessionId);
            assertThat(info).as("session %s is registered", sessionId).isNotNull();
            assertThat(info.isExpired()).as("session %s expired", sessionId).isTrue();
        });
    }
}
