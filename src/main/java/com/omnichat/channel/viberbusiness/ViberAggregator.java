package com.omnichat.channel.viberbusiness;

import com.omnichat.channel.ConnectionCheck;
import com.omnichat.channel.connector.ConnectedChannel;
import com.omnichat.channel.connector.DeliveryException;
import com.omnichat.channel.connector.ParsedEvent;
import com.omnichat.channel.connector.PollResult;
import com.omnichat.channel.connector.UnparseableEventException;
import com.omnichat.channel.connector.WebhookRequest;
import com.omnichat.channel.internal.MediaFetcher;
import java.util.List;

/**
 * One aggregator that sells Viber Business Messages (Infobip, ...): the part of a Viber
 * business number that differs between them. The connector splits a manager's message into
 * parts, publishes files and keeps the framework's rules; an aggregator only speaks its API.
 * Phones are E.164 digits without the plus ("380671234567"), as aggregators take them.
 */
interface ViberAggregator {

    /** The value of the channel's {@code aggregator} setting that selects this one. */
    String id();

    /** Calls the aggregator with the channel's credentials. */
    ConnectionCheck check(ConnectedChannel channel);

    /**
     * Sends one part; returns the aggregator's message id (delivery reports name it).
     *
     * @throws DeliveryException with a readable reason, retryable or not as the aggregator says
     */
    String send(ConnectedChannel channel, String phone, Part part, String ownId) throws DeliveryException;

    /** Whether a webhook call comes from the aggregator (checked before anything is stored). */
    boolean authentic(ConnectedChannel channel, WebhookRequest request);

    /** Inbound messages, delivery and seen reports, in one body (a batch) or one polled report. */
    ParsedEvent parse(ConnectedChannel channel, byte[] body) throws UnparseableEventException;

    /** Delivery reports not yet fetched (each report is handed out once), as raw updates for {@link #parse}. */
    List<PollResult.RawUpdate> pollReports(ConnectedChannel channel);

    /** Downloads a file a client sent (a URL the aggregator gave), through the SSRF-safe fetcher. */
    MediaFetcher.Fetched download(ConnectedChannel channel, String url, long maxBytes);

    /** One provider message: text, an image (with an optional caption) or a file, by a public URL. */
    sealed interface Part {
        record Text(String text) implements Part {}

        record Image(String url, String caption) implements Part {}

        record File(String url, String fileName) implements Part {}
    }
}
