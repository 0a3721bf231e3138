package com.omnichat.channel.internal;

import com.omnichat.channel.connector.SendProgress;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The progress of one claimed outbound row: records each accepted part at once (a retry after
 * a crash skips it) and guards each part by the lease, so a worker that lost the row to
 * another never calls the provider for it again.
 */
final class LeasedProgress implements SendProgress {

    private final JdbcClient jdbc;
    private final DeliveryWorker.Claim claim;
    private final Duration lease;
    private volatile int sent;
    private volatile boolean lost;

    LeasedProgress(JdbcClient jdbc, DeliveryWorker.Claim claim, Duration lease) {
        this.jdbc = jdbc;
        this.claim = claim;
        this.lease = lease;
        this.sent = claim.partsSent();
    }

    long messageId() {
        return claim.messageId();
    }

    @Override
    public int partsSent() {
        return sent;
    }

    @Override
    public void beforePart() {
        if (lost || !renew()) {
            throw new LeaseLost(claim.messageId());
        }
    }

    /** Extends the lease; false (and lost for good) when the row is no longer this worker's. */
    boolean renew() {
        if (lost) {
            return false;
        }
        boolean held = jdbc.sql("""
                        update outbound_message set lease_until = now() + make_interval(secs => ?)
                        where id = ? and lease_token = ? and status = 'SENDING'""")
                        .params(lease.toMillis() / 1000.0, claim.id(), claim.token())
                        .update()
                > 0;
        if (!held) {
            lost = true;
        }
        return held;
    }

    @Override
    public void partSent(String externalId) {
        sent++;
        jdbc.sql("""
                        update outbound_message set parts_sent = ?, external_id = coalesce(external_id, ?), updated_at = now()
                        where id = ? and lease_token = ?""").params(sent, externalId, claim.id(), claim.token()).update();
    }

    /** The row was claimed by another worker meanwhile: nothing more may be sent for it from here. */
    static final class LeaseLost extends RuntimeException {

        LeaseLost(long messageId) {
            super("Lease of message " + messageId + " lost", null, false, false);
        }
    }
}
