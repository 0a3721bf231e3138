package com.omnichat.user;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;

/**
 * The actuator endpoints. Health answers anyone (load balancers, container health checks);
 * everything else — metrics for Prometheus, info — tells an outsider too much about the
 * installation: on the application's port only an administrator gets it (HTTP Basic with his
 * login, throttled like every sign-in; no session). With {@code MANAGEMENT_SERVER_PORT} the
 * endpoints move to a port of their own, meant for the monitoring network only, which answers
 * without sign-in; the application's port then has none of them.
 */
@Configuration(proxyBeanMethods = false)
class ManagementSecurity {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 20)
    SecurityFilterChain managementFilterChain(
            HttpSecurity http, @Value("${management.server.port:-1}") int managementPort) throws Exception {
        return http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(auth -> auth.requestMatchers(EndpointRequest.to("health"))
                        .permitAll()
                        .requestMatchers(request -> managementPort > 0 && request.getLocalPort() == managementPort)
                        .permitAll()
                        .anyRequest()
                        .hasRole("ADMINISTRATOR"))
                .httpBasic(Customizer.withDefaults())
                // A scraper or script is asked for credentials, never sent to the login page.
                .exceptionHandling(e -> e.authenticationEntryPoint(basic()))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .build();
    }

    private static BasicAuthenticationEntryPoint basic() {
        var entryPoint = new BasicAuthenticationEntryPoint();
        entryPoint.setRealmName("omnichat");
        return entryPoint;
    }
}
