package com.omnichat.user;

import com.omnichat.base.CurrentStaff;
import com.omnichat.base.StaffPrincipal;
import com.omnichat.user.ui.LoginView;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.util.Optional;
import java.util.function.Supplier;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.expression.EvaluationContext;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.session.HttpSessionEventPublisher;

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
            // https: for the remote images of an e-mail, loaded only after the manager's "Show images"
            // (the mail's sandboxed frame inherits this policy and adds its own stricter one).
            + "img-src 'self' data: blob: https:; "
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
                .requestMatchers("/livez", "/readyz")
                .permitAll()
                .requestMatchers("/offline.html", "/icons/**", "/styles.css", "/styles/**", "/js/**")
                .permitAll()
                // Files served by controllers, not Vaadin (which denies any request it does not know):
                // the services check who may see them.
                .requestMatchers("/client-photos/**", "/chat-files/**")
                .authenticated());
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
        // -1: any number of sessions, but registered, so a user's sessions can be ended (StaffSessions).
        http.sessionManagement(session -> session.maximumSessions(-1).sessionRegistry(sessionRegistry));
        http.addFilterBefore(new StandingFilter(), AuthorizationFilter.class);
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class))
                .build();
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
    AuthenticationProvider authenticationProvider(
            StaffUserDetailsService details, PasswordEncoder encoder, LoginThrottle throttle) {
        var dao = new DaoAuthenticationProvider(details);
        dao.setPasswordEncoder(encoder);
        // Whether the account is deactivated is told only to someone who knows its password:
        // a wrong password on a deactivated account looks like any wrong password.
        dao.setPreAuthenticationChecks(user -> {});
        dao.setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("Account deactivated");
            }
        });
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

    /**
     * {@code @PreAuthorize} sees the user as he stands now (see {@link com.omnichat.base.CurrentStaff}):
     * a demoted administrator's next call is refused, even before his session ends.
     */
    @Bean
    static MethodSecurityExpressionHandler methodSecurityExpressionHandler() {
        return new DefaultMethodSecurityExpressionHandler() {
            @Override
            public EvaluationContext createEvaluationContext(
                    Supplier<? extends Authentication> authentication, MethodInvocation invocation) {
                return super.createEvaluationContext(() -> standing(authentication.get()), invocation);
            }
        };
    }

    private static @Nullable Authentication standing(@Nullable Authentication auth) {
        if (auth == null || !(auth.getPrincipal() instanceof StaffPrincipal signedIn)) {
            return auth;
        }
        Optional<StaffPrincipal> now = CurrentStaff.current(signedIn);
        if (now.isEmpty()) {
            return new AnonymousAuthenticationToken(
                    "no-longer-active", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
        }
        if (now.get() == signedIn) {
            return auth;
        }
        return UsernamePasswordAuthenticationToken.authenticated(
                now.get(), null, now.get().getAuthorities());
    }
}
