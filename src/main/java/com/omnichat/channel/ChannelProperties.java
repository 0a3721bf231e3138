package com.omnichat.channel;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * {@code omnichat.channels.*}: the providers' addresses, the background workers and their retry
 * policies, size limits. The Graph API's settings are {@code channel.meta.MetaProperties}.
 *
 * @param workers             whether this node runs the background workers (inbound processing, deliveries,
 *                            downloads); tests drive them by hand
 * @param maxWebhookBytes     the largest webhook body accepted
 * @param maxInboundFileBytes the largest client file downloaded
 */
@ConfigurationProperties("omnichat.channels")
public record ChannelProperties(
        @DefaultValue("true") boolean workers,
        @DefaultValue("1048576") int maxWebhookBytes,
        @DefaultValue("20971520") long maxInboundFileBytes,
        @DefaultValue Telegram telegram,
        @DefaultValue Viber viber,
        @DefaultValue Infobip infobip,
        @DefaultValue Email email,
        @DefaultValue Media media,
        @DefaultValue Delivery delivery,
        @DefaultValue Polling polling,
        @DefaultValue Profiles profiles,
        @DefaultValue Templates templates) {

    /**
     * @param apiUrl     the Bot API's base URL
     * @param mediaHosts hosts clients' files are downloaded from besides the API's own; "*.x" matches subdomains of x
     */
    public record Telegram(
            @DefaultValue("https://api.telegram.org") String apiUrl,
            @DefaultValue("api.telegram.org") String mediaHosts) {}

    /**
     * As {@link Telegram}, for the Viber REST API: pictures come from dl-media.viber.com, avatars from
     * media-direct.cdn.viber.com and share.viber.com.
     */
    public record Viber(
            @DefaultValue("https://chatapi.viber.com/pa") String apiUrl,
            @DefaultValue("viber.com,*.viber.com") String mediaHosts) {}

    /** Hosts Infobip (Viber Business) serves clients' files from. */
    public record Infobip(
            @DefaultValue("infobip.com,*.infobip.com") String mediaHosts) {}

    /**
     * @param sslTrust hosts whose certificates are trusted without a check ("*" for all; tests only)
     * @param recheck  how often a mailbox is checked for new mail besides IMAP IDLE
     */
    public record Email(
            @DefaultValue("") String sslTrust,
            @DefaultValue("10s") Duration recheck) {}

    /**
     * Downloads of clients' files.
     *
     * @param allowLoopback   never in production: files from loopback addresses (tests run their fakes there)
     * @param downloadTimeout longest download of one file
     */
    public record Media(
            @DefaultValue("false") boolean allowLoopback,
            @DefaultValue("2m") Duration downloadTimeout,
            @DefaultValue("15m") Duration lease,
            @DefaultValue("10s") Duration baseDelay,
            @DefaultValue("30m") Duration maxDelay,
            @DefaultValue("10") int maxAttempts) {}

    /** The outbound queue: how long a claimed delivery is leased, how retries back off and when they stop. */
    public record Delivery(
            @DefaultValue("2m") Duration lease,
            @DefaultValue("2s") Duration baseDelay,
            @DefaultValue("5m") Duration maxDelay,
            @DefaultValue("10") int maxAttempts,
            @DefaultValue("2h") Duration retryFor) {}

    /**
     * @param enabled      whether channels in polling mode are polled on this node
     * @param longPollWait {@code omnichat.channels.polling.wait}: how long one long poll waits for updates
     */
    public record Polling(
            @DefaultValue("true") boolean enabled,
            @Name("wait") @DefaultValue("25s") Duration longPollWait) {}

    /**
     * @param interval how often clients' profiles (name, photo) are refreshed
     * @param maxAge   a profile older than this is refreshed
     */
    public record Profiles(
            @DefaultValue("2m") Duration interval,
            @DefaultValue("24h") Duration maxAge) {}

    /** @param interval how often message templates are synchronised with the providers */
    public record Templates(@DefaultValue("1h") Duration interval) {}
}
