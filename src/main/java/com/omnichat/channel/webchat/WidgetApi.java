package com.omnichat.channel.webchat;

import com.omnichat.channel.connector.ConnectedChannel;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The public API the widget calls ({@code /widget-api/{channelKey}/...}); the channel,
 * its allowed sites and the per-address allowance were checked by {@link WidgetApiFilter}.
 * The visitor proves who he is with his token ({@code Authorization: Bearer ...}).
 */
@RestController
@RequestMapping("/widget-api/{channelKey}")
class WidgetApi {

    private static final Logger log = LoggerFactory.getLogger(WidgetApi.class);
    private static final String CHANNEL = WidgetApiFilter.CHANNEL;
    /** When a refused stream may try again: open streams end within minutes (their lifetime). */
    static final Duration STREAM_RETRY = Duration.ofSeconds(30);

    private final WebchatService webchat;
    private final VisitorStreams streams;
    private final WidgetRateLimits limits;
    private final Duration streamLifetime;
    private final Duration pollWait;

    WidgetApi(WebchatService webchat, VisitorStreams streams, WidgetRateLimits limits, WebchatProperties properties) {
        this.webchat = webchat;
        this.streams = streams;
        this.limits = limits;
        this.streamLifetime = properties.streamLifetime();
        this.pollWait = properties.pollWait();
    }

    // ---- JSON shapes ----

    record SessionRequest(@Nullable String token) {}

    record SessionResponse(
            String token, Settings settings, Profile profile, List<WidgetMessage> messages, boolean hasMore) {}

    record Settings(
            @Nullable String title,
            @Nullable String greeting,
            @Nullable String color,
            boolean askContacts) {}

    record Profile(
            @Nullable String name,
            @Nullable String email,
            @Nullable String phone) {}

    record SendRequest(@Nullable String clientId, @Nullable String text) {}

    record ReadRequest(long upTo) {}

    record MessagesResponse(List<WidgetMessage> messages, boolean hasMore) {}

    record PollResponse(List<WidgetMessage> messages) {}

    /** A line of the chat as the widget renders it (as text, never as HTML). */
    record WidgetMessage(
            long id,
            @Nullable String clientId,
            String from,
            @Nullable String text,
            List<String> files,
            String at) {

        static WidgetMessage of(WebchatStore.Line line) {
            return new WidgetMessage(
                    line.seq(),
                    line.clientMessageId(),
                    line.fromVisitor() ? "visitor" : "agent",
                    line.body(),
                    line.fileNames(),
                    line.createdAt().toString());
        }
    }

    // ---- endpoints ----

    @PostMapping("/session")
    SessionResponse session(
            @RequestAttribute(CHANNEL) ConnectedChannel channel,
            @RequestBody SessionRequest body,
            HttpServletRequest request) {
        if (body.token() == null || body.token().isBlank()) {
            check(limits.newSession(channel.id(), request.getRemoteAddr()));
        }
        var session =
                webchat.start(channel, body.token() == null || body.token().isBlank() ? null : body.token());
        WidgetSettings settings = WidgetSettings.of(channel);
        var visitor = session.visitor();
        return new SessionResponse(
                session.token(),
                new Settings(settings.title(), settings.greeting(), settings.color(), settings.askContacts()),
                visitor == null
                        ? new Profile(null, null, null)
                        : new Profile(visitor.name(), visitor.email(), visitor.phone()),
                messages(session.lines()),
                session.hasMore());
    }

    @GetMapping("/messages")
    MessagesResponse earlier(
            @RequestAttribute(CHANNEL) ConnectedChannel channel,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String auth,
            @RequestParam(defaultValue = "" + Long.MAX_VALUE) long before) {
        var page = webchat.earlier(channel, webchat.visitor(channel, bearer(auth)), before);
        return new MessagesResponse(messages(page.lines()), page.hasMore());
    }

    @PostMapping("/messages")
    WidgetMessage send(
            @RequestAttribute(CHANNEL) ConnectedChannel channel,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String auth,
            @RequestBody SendRequest body) {
        String visitorId = webchat.visitor(channel, bearer(auth));
        check(limits.message(channel.id(), visitorId));
        return WidgetMessage.of(webchat.send(channel, visitorId, body.clientId(), body.text()));
    }

    @PutMapping("/profile")
    Profile profile(
            @RequestAttribute(CHANNEL) ConnectedChannel channel,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String auth,
            @RequestBody Profile body) {
        String visitorId = webchat.visitor(channel, bearer(auth));
        check(limits.message(channel.id(), visitorId));
        var saved = webchat.saveContacts(channel, visitorId, body.name(), body.email(), body.phone());
        return new Profile(saved.name(), saved.email(), saved.phone());
    }

    @PostMapping("/read")
    ResponseEntity<Void> read(
            @RequestAttribute(CHANNEL) ConnectedChannel channel,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String auth,
            @RequestBody ReadRequest body) {
        webchat.read(channel, webchat.visitor(channel, bearer(auth)), body.upTo());
        return ResponseEntity.noContent().build();
    }

    /**
     * Server-sent events: first {@code ready}, then every line after {@code after} as a
     * {@code message} event, live, with a comment as heartbeat. The stream ends after a
     * while; the widget reconnects with its cursor and misses nothing.
     */
    @GetMapping(value = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(
            @RequestAttribute(CHANNEL) ConnectedChannel channel,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String auth,
            @RequestParam(defaultValue = "0") long after,
            HttpServletRequest request)
            throws IOException {
        String visitorId = webchat.visitor(channel, bearer(auth));
        var emitter = new SseEmitter(streamLifetime.toMillis());
        var listener = new StreamListener(channel, visitorId, emitter, after);
        Runnable unregister;
        // Holding the listener's lock: the catch-up push waits until "ready" is out.
        synchronized (listener) {
            unregister = streams.register(
                            new VisitorStreams.VisitorKey(channel.id(), visitorId), request.getRemoteAddr(), listener)
                    .orElseThrow(WidgetApi::tooManyStreams);
            try {
                emitter.send(SseEmitter.event().name("ready").data("{}", MediaType.APPLICATION_JSON));
            } catch (IOException | RuntimeException e) {
                unregister.run();
                throw e;
            }
        }
        emitter.onCompletion(unregister);
        emitter.onTimeout(emitter::complete);
        emitter.onError(e -> unregister.run());
        return emitter;
    }

    /** Long polling, for browsers or proxies where a stream does not get through: waits for lines after {@code after}. */
    @GetMapping("/poll")
    DeferredResult<PollResponse> poll(
            @RequestAttribute(CHANNEL) ConnectedChannel channel,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String auth,
            @RequestParam(defaultValue = "0") long after,
            HttpServletRequest request) {
        String visitorId = webchat.visitor(channel, bearer(auth));
        var result = new DeferredResult<PollResponse>(pollWait.toMillis(), new PollResponse(List.of()));
        Runnable unregister = streams.register(
                        new VisitorStreams.VisitorKey(channel.id(), visitorId),
                        request.getRemoteAddr(),
                        new PollListener(channel, visitorId, result, after))
                .orElseThrow(WidgetApi::tooManyStreams);
        result.onCompletion(unregister);
        return result;
    }

    /** Every open stream holds a connection: an address (or the node) at its cap waits for some to end. */
    private static WidgetException tooManyStreams() {
        return WidgetException.tooMany(STREAM_RETRY);
    }

    // ---- listeners ----

    /** Marks the replies a visitor was handed delivered; a failure only costs the status, never the answer. */
    private void shown(ConnectedChannel channel, String visitorId, List<WebchatStore.Line> fresh) {
        try {
            webchat.shown(channel, visitorId, fresh);
        } catch (RuntimeException e) {
            log.warn("Could not mark replies delivered for channel {}: {}", channel.id(), e.toString());
        }
    }

    /** An open event stream: pushes lines past its cursor, in order, each once. */
    private final class StreamListener implements VisitorStreams.Listener {

        private final ConnectedChannel channel;
        private final String visitorId;
        private final SseEmitter emitter;
        private final AtomicLong cursor;

        StreamListener(ConnectedChannel channel, String visitorId, SseEmitter emitter, long after) {
            this.channel = channel;
            this.visitorId = visitorId;
            this.emitter = emitter;
            this.cursor = new AtomicLong(after);
        }

        @Override
        public long cursor() {
            return cursor.get();
        }

        @Override
        public synchronized boolean push(List<WebchatStore.Line> lines) {
            List<WebchatStore.Line> fresh =
                    lines.stream().filter(l -> l.seq() > cursor.get()).toList();
            try {
                for (WebchatStore.Line line : fresh) {
                    emitter.send(SseEmitter.event()
                            .name("message")
                            .id(Long.toString(line.seq()))
                            .data(WidgetMessage.of(line), MediaType.APPLICATION_JSON));
                    cursor.set(line.seq());
                }
            } catch (IOException | IllegalStateException e) {
                return false;
            }
            if (!fresh.isEmpty()) {
                shown(channel, visitorId, fresh);
            }
            return true;
        }

        @Override
        public synchronized boolean ping() {
            try {
                emitter.send(SseEmitter.event().comment("ping"));
                return true;
            } catch (IOException | IllegalStateException e) {
                return false;
            }
        }

        @Override
        public void end() {
            emitter.complete();
        }
    }

    /** A waiting long poll: answered with the first lines past its cursor, then gone. */
    private final class PollListener implements VisitorStreams.Listener {

        private final ConnectedChannel channel;
        private final String visitorId;
        private final DeferredResult<PollResponse> result;
        private final long after;

        PollListener(ConnectedChannel channel, String visitorId, DeferredResult<PollResponse> result, long after) {
            this.channel = channel;
            this.visitorId = visitorId;
            this.result = result;
            this.after = after;
        }

        @Override
        public long cursor() {
            return after;
        }

        @Override
        public boolean push(List<WebchatStore.Line> lines) {
            List<WebchatStore.Line> fresh =
                    lines.stream().filter(l -> l.seq() > after).toList();
            if (result.isSetOrExpired()) {
                return false;
            }
            if (fresh.isEmpty()) {
                return true;
            }
            if (result.setResult(new PollResponse(messages(fresh)))) {
                shown(channel, visitorId, fresh);
            }
            return false;
        }

        @Override
        public boolean ping() {
            return !result.isSetOrExpired();
        }

        @Override
        public void end() {
            result.setResult(new PollResponse(List.of()));
        }
    }

    // ---- errors ----

    @ExceptionHandler(WidgetException.class)
    ResponseEntity<ErrorBody> refused(WidgetException e) {
        var response = ResponseEntity.status(e.status());
        if (e.retryAfter() != null) {
            response.header(
                    HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfter().toSeconds()));
        }
        return response.contentType(MediaType.APPLICATION_JSON)
                .body(new ErrorBody(
                        e.code(),
                        e.field(),
                        e.retryAfter() == null ? null : e.retryAfter().toSeconds()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof WidgetApiFilter.BodyTooLargeException
                || e.getMostSpecificCause() instanceof WidgetApiFilter.BodyTooLargeException) {
            return ResponseEntity.status(413)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(new ErrorBody("too-large", null, null));
        }
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_JSON)
                .body(new ErrorBody("unreadable", null, null));
    }

    record ErrorBody(
            String error, @Nullable String field, @Nullable Long retryAfter) {}

    // ---- helpers ----

    private static List<WidgetMessage> messages(List<WebchatStore.Line> lines) {
        return lines.stream().map(WidgetMessage::of).toList();
    }

    private static void check(WidgetRateLimits.Verdict verdict) {
        if (!verdict.allowed()) {
            throw WidgetException.tooMany(verdict.retryAfter());
        }
    }

    private static @Nullable String bearer(@Nullable String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).strip();
    }
}
