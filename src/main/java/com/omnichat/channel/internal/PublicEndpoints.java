package com.omnichat.channel.internal;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;

/**
 * The security of endpoints that callers outside the staff UI reach (providers' webhooks, the
 * site widget): open to anyone, no session, no CSRF token, nothing remembered between requests.
 * Who may call is checked by the endpoint itself (signatures, tokens).
 */
public final class PublicEndpoints {

    private PublicEndpoints() {}

    public static HttpSecurity stateless(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .anonymous(anonymous -> anonymous.disable());
    }
}
