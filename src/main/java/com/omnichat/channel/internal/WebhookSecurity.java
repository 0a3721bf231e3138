package com.omnichat.channel.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Providers call the webhooks and fetch outbound media without a session or CSRF token:
 * their own chain, ahead of the application's. Authenticity is the connector's job
 * (secret-token header, body signature); media URLs carry unguessable tokens.
 */
@Configuration(proxyBeanMethods = false)
class WebhookSecurity {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain webhookFilterChain(HttpSecurity http) throws Exception {
        return PublicEndpoints.stateless(http.securityMatcher("/webhooks/**", "/channel-files/**"))
                .build();
    }
}
