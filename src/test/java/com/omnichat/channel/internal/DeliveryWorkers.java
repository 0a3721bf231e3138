package com.omnichat.channel.internal;

import com.omnichat.channel.ChannelProperties;
import com.omnichat.channel.DeliveryReports;
import com.omnichat.channel.OutboundSource;
import java.time.Duration;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Delivery workers as further nodes would run them: on the same database, with a lease of the test's choosing. */
public final class DeliveryWorkers {

    private DeliveryWorkers() {}

    /** A worker like the application's, leasing rows for {@code lease}; call {@link DeliveryWorker#destroy()} after. */
    public static DeliveryWorker withLease(ApplicationContext context, Duration lease) {
        return new DeliveryWorker(
                context.getBean(JdbcClient.class),
                context.getBean(TransactionTemplate.class),
                context.getBean(ChannelDirectory.class),
                context.getBean(ConnectorRegistry.class),
                context.getBean(OutboundSource.class),
                context.getBean(DeliveryReports.class),
                new ChannelProperties.Delivery(
                        lease, Duration.ofSeconds(2), Duration.ofMinutes(5), 10, Duration.ofHours(2)),
                false);
    }
}
