package com.omnichat.channel.webchat;

import com.omnichat.channel.internal.ChannelDirectory;
import com.omnichat.channel.internal.PublicEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * The widget's files and its public API are used by site visitors from other sites: no
 * session, no CSRF token, no sign-in. Their own chain, ahead of the application's. Who may
 * call is decided per channel by the API itself (visitor token, allowed origins, limits).
 */
@Configuration(proxyBeanMethods = false)
class WidgetSecurity {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain widgetFilterChain(HttpSecurity http, ChannelDirectory channels, WidgetRateLimits limits)
            throws Exception {
        return PublicEndpoints.stateless(http.securityMatcher("/widget-api/**", "/widget/**"))
                .addFilterBefore(new WidgetApiFilter(channels, limits), AuthorizationFilter.class)
                // The shop's page loads the script cross-site; the API answers its own CORS headers.
                .headers(headers -> headers
                        // The script and styles may be cached by the shop's visitors; the API sets its own.
                        .cacheControl(cache -> cache.disable())
                        .crossOriginResourcePolicy(policy -> policy.policy(
                                org.springframework.security.web.header.writers.CrossOriginResourcePolicyHeaderWriter
                                        .CrossOriginResourcePolicy.CROSS_ORIGIN)))
                .build();
    }
}
