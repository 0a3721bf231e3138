package com.omnichat.user;

import java.time.Duration;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * Slows down password guessing: each login and each client address has a bucket of
 * allowed failures that refills slowly. An empty bucket blocks sign-in for that login or
 * address until it refills; successful sign-ins take nothing from the buckets.
 * Buckets live in this node's memory (sticky sessions send a client to one node).
 */
@Component
class LoginThrottle {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(1))
            .maximumSize(100_000)
            .build();
    private final int failuresPerLogin;
    private final int failuresPerAddress;
    private final Duration window;

    LoginThrottle(@Value("${omnichat.login.failures-per-login:5}") int failuresPerLogin,
                  @Value("${omnichat.login.failures-per-address:20}") int failuresPerAddress,
                  @Value("${omnichat.login.window:15m}") Duration window) {
        this.failuresPerLogin = failuresPerLogin;
        this.failuresPerAddress = failuresPerAddress;
        this.window = window;
    }

    /** How long sign-in stays blocked for this login or address; zero when it is allowed. */
    Duration blockedFor(String login, String address) {
        Duration byLogin = waitTime(loginBucket(login));
        Duration byAddress = waitTime(addressBucket(address));
        return byLogin.compareTo(byAddress) >= 0 ? byLogin : byAddress;
    }

    void recordFailure(String login, String address) {
        loginBucket(login).tryConsume(1);
        addressBucket(address).tryConsume(1);
    }

    private static Duration waitTime(Bucket bucket) {
        if (bucket.getAvailableTokens() > 0) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
    }

    private Bucket loginBucket(String login) {
        return buckets.get("login:" + login.trim().toLowerCase(Locale.ROOT), k -> bucket(failuresPerLogin));
    }

    private Bucket addressBucket(String address) {
        return buckets.get("addr:" + address, k -> bucket(failuresPerAddress));
    }

    private Bucket bucket(int capacity) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, window).build())
                .build();
    }
}
