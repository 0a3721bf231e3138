package com.omnichat.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.base.CurrentStaff;
import com.omnichat.base.Role;
import com.omnichat.base.StaffPrincipal;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** The next request of a session whose user changed since he signed in is not served as him. */
class StandingFilterTest {

    private static final StaffPrincipal PETRO_AS_SIGNED_IN =
            new StaffPrincipal(7, "petro", "Petro Tester", Role.ADMINISTRATOR, true, null, null);

    private Runnable uninstall = () -> {};

    @AfterEach
    void cleanUp() {
        uninstall.run();
        SecurityContextHolder.clearContext();
    }

    @Test
    void aDemotedUsersNextRequestEndsHisSessionAndGoesOnAnonymously() throws Exception {
        uninstall = CurrentStaff.useStanding(
                p -> Optional.of(new StaffPrincipal(7, "petro", "Petro Tester", Role.MANAGER, true, null, null)));
        MockHttpSession session = signedInSession();

        new StandingFilter().doFilter(requestIn(session), new MockHttpServletResponse(), new MockFilterChain());

        assertThat(session.isInvalid()).isTrue();
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
    }

    @Test
    void aDeactivatedUsersNextRequestEndsHisSession() throws Exception {
        uninstall = CurrentStaff.useStanding(p -> Optional.empty());
        MockHttpSession session = signedInSession();

        new StandingFilter().doFilter(requestIn(session), new MockHttpServletResponse(), new MockFilterChain());

        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void anUnchangedUserKeepsHisSession() throws Exception {
        uninstall = CurrentStaff.useStanding(Optional::of);
        MockHttpSession session = signedInSession();

        new StandingFilter().doFilter(requestIn(session), new MockHttpServletResponse(), new MockFilterChain());

        assertThat(session.isInvalid()).isFalse();
        assertThat(SecurityContextHolder.getContext().getAuthentication().getPrincipal())
                .isSameAs(PETRO_AS_SIGNED_IN);
    }

    private static MockHttpSession signedInSession() {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        PETRO_AS_SIGNED_IN, null, PETRO_AS_SIGNED_IN.getAuthorities()));
        return new MockHttpSession();
    }

    private static MockHttpServletRequest requestIn(MockHttpSession session) {
        var request = new MockHttpServletRequest("GET", "/chats");
        request.setSession(session);
        return request;
    }
}
