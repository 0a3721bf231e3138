package com.omnichat.user;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.session.HttpSessionEventPublisher;

import com.omnichat.user.ui.LoginView;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

    /**
     * The application's pages: everything from this origin only, never framed. Vaadin Flow
     * needs inline scripts (its bootstrap page) and eval ({@code executeJs} builds functions)
     * and sets inline styles; images may be data: and blob: URLs (icons, previews); the push
     * websocket is same-origin ('self' covers ws/wss of this host). A response that sets its
     * own policy (a sandboxed file download) keeps it.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; "
            + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; "
            + "font-src 'self' data:; "
            + "connect-src 'self'; "
            + "media-src 'self' blob:; "
            + "worker-src 'self'; "
            + "manifest-src 'self'; "
            + "object-src 'none'; "
            + "base-uri 'self'; "
            + "form-action 'self'; "
            + "frame-ancestors 'none'";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SessionRegistry sessionRegistry) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                // Liveness and readiness on the application's port too (the actuator may be on a port of its own).
                .requestMatchers("/livez", "/readyz").permitAll()
                .requestMatchers("/offline.html", "/icons/**", "/styles.css", "/styles/**").permitAll()
                // Files served by controllers, not Vaadin (which denies any request it does not know):
                // the services check who may see them.
                .requestMatchers("/client-photos/**", "/chat-files/**").authenticated());
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
        // -1: any number of sessions, but registered, so a deactivated user's sessions can be ended.
        http.sessionManagement(session -> session.maximumSessions(-1).sessionRegistry(sessionRegistry));
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)).build();
    }

    /** Ahead of every other filter, Spring Security's included (see the class for why). */
    @Bean
    FilterRegistrationBean<StaleSessionPwaFilter> staleSessionPwaFilter() {
        var registration = new FilterRegistrationBean<>(new StaleSessionPwaFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // Delegating: bcrypt today, hashes of other algorithms stay readable later.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationProvider authenticationProvider(StaffUserDetailsService details, PasswordEncoder encoder,
                                                  LoginThrottle throttle) {
        var dao = new DaoAuthenticationProvider(details);
        dao.setPasswordEncoder(encoder);
        return new ThrottlingAuthenticationProvider(dao, throttle);
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    @Bean
    static HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    /** Ends every open session of a deactivated user: his next request signs him out. */
    @Bean
    SessionTerminator sessionTerminator(SessionRegistry sessionRegistry) {
        return new SessionTerminator(sessionRegistry);
    }

    static class SessionTerminator {

        private final SessionRegistry sessionRegistry;

        SessionTerminator(SessionRegistry sessionRegistry) {
            this.sessionRegistry = sessionRegistry;
        }

        @TransactionalEventListener
        void on(StaffDeactivated event) {
            sessionRegistry.getAllPrincipals().stream()
                    .filter(p -> p instanceof com.omnichat.base.StaffPrincipal sp && sp.id() == event.userId())
                    .flatMap(p -> sessionRegistry.getAllSessions(p, false).stream())
                    .forEach(info -> info.expireNow());
        }
    }
}
