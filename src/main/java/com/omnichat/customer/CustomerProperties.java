package com.omnichat.customer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code omnichat.phone.*}.
 *
 * @param defaultRegion region (ISO 3166 code) in which a client phone typed without a country code is read
 */
@ConfigurationProperties("omnichat.phone")
public record CustomerProperties(@DefaultValue("UA") String defaultRegion) {}
