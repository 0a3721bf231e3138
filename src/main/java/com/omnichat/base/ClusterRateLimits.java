package com.omnichat.base;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Token buckets shared by every node: kept in PostgreSQL (table {@code rate_limit_bucket}),
 * each take locks its row ({@code select ... for update}), so a burst of parallel calls on
 * any number of nodes never gets more than the allowance. A bucket not used for the time it
 * needs to refill completely is as good as new, so it is swept.
 */
@Component
public class ClusterRateLimits {

    private static final Logger log = LoggerFactory.getLogger(ClusterRateLimits.class);

    /** What a call is told: allowed, or how long until it may try again (whole seconds, at least one). */
    public record Verdict(boolean allowed, Duration retryAfter) {

        public static final Verdict OK = new Verdict(true, Duration.ZERO);

        static Verdict of(ConsumptionProbe probe) {
            if (probe.isConsumed()) {
                return OK;
            }
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            return new Verdict(false, Duration.ofSeconds(seconds));
        }
    }

    /** An allowance: {@code capacity} takes, refilled completely over {@code period}. */
    public record Limit(int capacity, Duration period) {

        BucketConfiguration configuration() {
            return BucketConfiguration.builder()
                    .addLimit(Bandwidth.builder()
                            .capacity(capacity)
                            .refillGreedy(capacity, period)
                            .build())
                    .build();
        }
    }

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    public ClusterRateLimits(DataSource dataSource) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket")
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
    }

    /** Takes one from the bucket {@code key} (created full with {@code limit} on first use). */
    public Verdict take(String key, Limit limit) {
        return Verdict.of(bucket(key, limit).tryConsumeAndReturnRemaining(1));
    }

    /** Puts one back, e.g. when what was taken for turned out not to count (never above the capacity). */
    public void giveBack(String key, Limit limit) {
        bucket(key, limit).addTokens(1);
    }

    private BucketProxy bucket(String key, Limit limit) {
        return buckets.builder().build(key, limit::configuration);
    }

    /** Forgets buckets that have refilled completely (a full bucket is created anew when needed). */
    @Scheduled(fixedDelay = 600_000, initialDelay = 60_000)
    void sweep() {
        try {
            int removed;
            do {
                removed = buckets.removeExpired(1000);
            } while (removed >= 1000);
        } catch (RuntimeException e) {
            log.warn("Could not sweep expired rate-limit buckets: {}", e.toString());
        }
    }
}
