package com.omnichat.channel.webchat;

import com.omnichat.base.ClientAddress;
import com.omnichat.base.ClusterRateLimits;
import com.omnichat.base.ClusterRateLimits.Limit;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Token buckets for the public widget API, shared by all nodes ({@link ClusterRateLimits}):
 * requests per client address (all calls), new visitors per address and per channel, and
 * messages per visitor and per channel. The per-channel caps bound what one site's page,
 * however many addresses it is called from, can pour into the inbox. An IPv6 address counts
 * as its /64 ({@link ClientAddress}).
 */
@Component
class WidgetRateLimits {

    /** What a refused call is told: how long until it may try again. */
    record Verdict(boolean allowed, Duration retryAfter) {

        static final Verdict OK = new Verdict(true, Duration.ZERO);

        static Verdict of(ClusterRateLimits.Verdict verdict) {
            return verdict.allowed() ? OK : new Verdict(false, verdict.retryAfter());
        }
    }

    /** The allowances. */
    record Limits(
            int requestsPerAddressPerMinute,
            int sessionsPerAddressPerHour,
            int messagesPerVisitorPerMinute,
            int newVisitorsPerChannelPerMinute,
            int messagesPerChannelPerMinute) {}

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final ClusterRateLimits buckets;
    private final Limits limits;

    @Autowired
    WidgetRateLimits(ClusterRateLimits buckets, WebchatProperties properties) {
        this(
                buckets,
                new Limits(
                        properties.requestsPerAddressPerMinute(),
                        properties.sessionsPerAddressPerHour(),
                        properties.messagesPerVisitorPerMinute(),
                        properties.newVisitorsPerChannelPerMinute(),
                        properties.messagesPerChannelPerMinute()));
    }

    WidgetRateLimits(ClusterRateLimits buckets, Limits limits) {
        this.buckets = buckets;
        this.limits = limits;
    }

    Verdict request(String address) {
        return take("widget-req:" + ClientAddress.key(address), limits.requestsPerAddressPerMinute(), MINUTE);
    }

    /** A new visitor: within his address's allowance and the channel's. */
    Verdict newSession(long channelId, String address) {
        Verdict byAddress = take(
                "widget-new:" + ClientAddress.key(address), limits.sessionsPerAddressPerHour(), Duration.ofHours(1));
        if (!byAddress.allowed()) {
            return byAddress;
        }
        return take("widget-new-ch:" + channelId, limits.newVisitorsPerChannelPerMinute(), MINUTE);
    }

    /** A message (or a contacts update): within the visitor's allowance and the channel's. */
    Verdict message(long channelId, String visitorId) {
        Verdict byVisitor =
                take("widget-msg:" + channelId + ":" + visitorId, limits.messagesPerVisitorPerMinute(), MINUTE);
        if (!byVisitor.allowed()) {
            return byVisitor;
        }
        return take("widget-msg-ch:" + channelId, limits.messagesPerChannelPerMinute(), MINUTE);
    }

    private Verdict take(String key, int capacity, Duration period) {
        return Verdict.of(buckets.take(key, new Limit(capacity, period)));
    }
}
