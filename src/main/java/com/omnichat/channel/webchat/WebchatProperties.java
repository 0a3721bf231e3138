package com.omnichat.channel.webchat;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code omnichat.webchat.*}: the site chat widget's limits (rate limits shared by all nodes, open
 * streams per node) and lifetimes.
 *
 * @param requestsPerAddressPerMinute    widget API requests per client address (IPv6: per /64)
 * @param sessionsPerAddressPerHour      new visitor sessions per client address
 * @param messagesPerVisitorPerMinute    messages one visitor may send
 * @param newVisitorsPerChannelPerMinute new visitors one channel accepts
 * @param messagesPerChannelPerMinute    visitors' messages one channel accepts
 * @param streamsPerAddress              open streams and long polls per client address on one node
 * @param streamsTotal                   open streams and long polls on one node in all
 * @param streamLifetime                 a stream is closed after this long (the widget reconnects)
 * @param pollWait                       how long a long poll waits for new lines
 * @param tokenLifetime                  how long a visitor's token (their conversation) stays valid
 */
@ConfigurationProperties("omnichat.webchat")
public record WebchatProperties(
        @DefaultValue("300") int requestsPerAddressPerMinute,
        @DefaultValue("100") int sessionsPerAddressPerHour,
        @DefaultValue("20") int messagesPerVisitorPerMinute,
        @DefaultValue("120") int newVisitorsPerChannelPerMinute,
        @DefaultValue("600") int messagesPerChannelPerMinute,
        @DefaultValue("20") int streamsPerAddress,
        @DefaultValue("2000") int streamsTotal,
        @DefaultValue("5m") Duration streamLifetime,
        @DefaultValue("25s") Duration pollWait,
        @DefaultValue("365d") Duration tokenLifetime) {}
