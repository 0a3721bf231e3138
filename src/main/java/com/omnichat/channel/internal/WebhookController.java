package com.omnichat.channel.internal;

import com.omnichat.channel.Capability;
import com.omnichat.channel.ChannelMode;
import com.omnichat.channel.ChannelProperties;
import com.omnichat.channel.ChannelType;
import com.omnichat.channel.connector.ChannelConnector;
import com.omnichat.channel.connector.ConnectedChannel;
import com.omnichat.channel.connector.WebhookRequest;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/{type}/{channelKey}}: no session, no CSRF (see WebhookSecurity).
 * Order: unknown channel 404, too large 413, not authentic 401 (nothing stored), then the
 * raw body is stored before the answer, then 200 — also for an unparseable body (kept as
 * failed, once per body): a provider redelivers every event not answered 2xx, forever.
 * {@code GET} is the verification handshake of providers that make one (Meta): the connector's
 * answer as text, or 403; nothing is stored.
 */
@RestController
class WebhookController {

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

    private final ChannelDirectory directory;
    private final ConnectorRegistry registry;
    private final InboundEvents events;
    private final MeterRegistry meters;
    private final int maxBodyBytes;

    WebhookController(
            ChannelDirectory directory,
            ConnectorRegistry registry,
            InboundEvents events,
            MeterRegistry meters,
            ChannelProperties properties) {
        this.directory = directory;
        this.registry = registry;
        this.events = events;
        this.meters = meters;
        this.maxBodyBytes = properties.maxWebhookBytes();
    }

    @PostMapping("/webhooks/{type}/{channelKey}")
    ResponseEntity<String> receive(
            @PathVariable String type, @PathVariable String channelKey, HttpServletRequest request) throws IOException {
        Optional<ChannelType> channelType = typeOf(type);
        Optional<ConnectedChannel> channel =
                channelType.flatMap(t -> directory.byKey(t, channelKey)).filter(c -> c.mode() == ChannelMode.WEBHOOK);
        Optional<ChannelConnector> connector = channel.flatMap(registry::forChannel)
                .filter(c -> c.capabilities().contains(Capability.WEBHOOK_RECEIVE));
        if (channel.isEmpty() || connector.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body("{\"error\":\"unknown channel\"}");
        }
        if (request.getContentLengthLong() > maxBodyBytes) {
            return tooLarge();
        }
        byte[] body = read(request.getInputStream(), maxBodyBytes);
        if (body == null) {
            return tooLarge();
        }
        WebhookRequest webhook = new WebhookRequest(headers(request), body);
        if (!connector.get().authentic(channel.get(), webhook)) {
            meters.counter(
                            "omnichat.webhook.rejected",
                            "type",
                            channelType.get().name())
                    .increment();
            log.warn(
                    "Webhook for channel {} rejected: not authentic (from {})",
                    channel.get().id(),
                    request.getRemoteAddr());
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body("{\"error\":\"not authentic\"}");
        }
        return switch (events.accept(channel.get(), connector.get(), body)) {
            // Stored for the administrators (Retry in Administration → Channels); no reply body.
            case InboundEvents.Outcome.Unparseable u -> ResponseEntity.ok().build();
            case InboundEvents.Outcome.Accepted a ->
                a.reply() == null
                        ? ResponseEntity.ok().build()
                        : ResponseEntity.ok()
                                .contentType(MediaType.APPLICATION_JSON)
                                .body(a.reply());
        };
    }

    @GetMapping("/webhooks/{type}/{channelKey}")
    ResponseEntity<String> verify(
            @PathVariable String type, @PathVariable String channelKey, HttpServletRequest request) {
        Optional<ConnectedChannel> channel =
                typeOf(type).flatMap(t -> directory.byKey(t, channelKey)).filter(c -> c.mode() == ChannelMode.WEBHOOK);
        Map<String, String> query = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (values.length > 0) {
                query.put(name, values[0]);
            }
        });
        Optional<String> answer = channel.flatMap(c -> registry.forChannel(c)
                .filter(connector -> connector.capabilities().contains(Capability.WEBHOOK_RECEIVE))
                .flatMap(connector -> connector.verifyWebhook(c, query)));
        if (answer.isEmpty()) {
            log.warn(
                    "Webhook verification for {} refused (from {})",
                    channel.map(c -> "channel " + c.id()).orElse("an unknown channel"),
                    request.getRemoteAddr());
            return ResponseEntity.status(HttpStatus.FORBIDDEN)
                    .contentType(MediaType.TEXT_PLAIN)
                    .body("forbidden");
        }
        log.info("Webhook of channel {} verified by the provider", channel.get().id());
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(answer.get());
    }

    /**
     * The event could not be stored (e.g. the database is restarting): a 5xx makes the provider
     * redeliver it. Without this the error page's redirect to the sign-in page would answer 302.
     */
    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<String> notStored(RuntimeException e) {
        log.warn(
                "Webhook not stored, the provider will redeliver it: {}",
                e.getClass().getSimpleName());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body("{\"error\":\"not stored, try again\"}");
    }

    private static ResponseEntity<String> tooLarge() {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body("{\"error\":\"body too large\"}");
    }

    private static Optional<ChannelType> typeOf(String type) {
        try {
            return Optional.of(ChannelType.valueOf(type.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The body, or null when it is longer than {@code max}. */
    private static byte[] read(InputStream in, int max) throws IOException {
        byte[] body = in.readNBytes(max + 1);
        return body.length > max ? null : body;
    }

    private static Map<String, String> headers(HttpServletRequest request) {
        Map<String, String> headers = new HashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name.toLowerCase(Locale.ROOT), request.getHeader(name));
        }
        return headers;
    }
}
