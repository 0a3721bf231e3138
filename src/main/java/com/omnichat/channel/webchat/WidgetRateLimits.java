package com.omnichat.channel.webchat;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Token buckets for the public widget API: requests per client address (all calls), new
 * sessions per address, and messages per visitor. Kept in this node's memory: a determined
 * sender spread over nodes gets a few times the allowance, which is still a limit.
 */
@Component
class WidgetRateLimits {

    /** What a refused call is told: how long until it may try again. */
    record Verdict(boolean allowed, Duration retryAfter) {

        static final Verdict OK = new Verdict(true, Duration.ZERO);
    }

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(1))
            .maximumSize(200_000)
            .build();
    private final Limits limits;

    /** Allowances: per address per minute, new sessions per address per hour, messages per visitor per minute. */
    record Limits(int requestsPerAddressPerMinute, int sessionsPerAddressPerHour, int messagesPerVisitorPerMinute) {
    }

    @Autowired
    WidgetRateLimits(@Value("${omnichat.webchat.requests-per-address-per-minute:300}") int requestsPerAddress,
                     @Value("${omnichat.webchat.sessions-per-address-per-hour:100}") int sessionsPerAddress,
                     @Value("${omnichat.webchat.messages-per-visitor-per-minute:20}") int messagesPerVisitor) {
        this(new Limits(requestsPerAddress, sessionsPerAddress, messagesPerVisitor));
    }

    WidgetRateLimits(Limits limits) {
        this.limits = limits;
    }

    Verdict request(String address) {
        return take("req:" + address, limits.requestsPerAddressPerMinute(), Duration.ofMinutes(1));
    }

    Verdict newSession(String address) {
        return take("new:" + address, limits.sessionsPerAddressPerHour(), Duration.ofHours(1));
    }

    Verdict message(long channelId, String visitorId) {
        return take("msg:" + channelId + ":" + visitorId, limits.messagesPerVisitorPerMinute(), Duration.ofMinutes(1));
    }

    private Verdict take(String key, int capacity, Duration period) {
        Bucket bucket = buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Verdict.OK;
        }
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return new Verdict(false, Duration.ofSeconds(seconds));
    }
}
