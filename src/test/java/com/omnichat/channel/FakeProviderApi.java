package com.omnichat.channel;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/**
 * A provider's HTTP API faked on its loopback server ({@link FakeProviderServers}, one per
 * provider for the whole JVM): from construction to {@link #close()} every request is recorded
 * and each method answers from a script of queued answers first, then with its default.
 */
abstract class FakeProviderApi implements AutoCloseable {

    /** A recorded call: the API method (last path segment), its body and headers. */
    record Call(String method, String path, String body, Map<String, String> headers, byte[] raw) {

        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private final FakeProviderServers.Server server;
    private final Dispatcher dispatcher;
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, Deque<MockResponse>> scripts = new HashMap<>();
    /** How long every answer takes (a slow provider). */
    volatile Duration delay = Duration.ZERO;
    /** Runs when a call arrives, before it is answered (e.g. something happens while the provider works). */
    volatile Consumer<Call> onCall = call -> {};

    FakeProviderApi(FakeProviderServers.Server server) {
        this.server = server;
        this.dispatcher = new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                String method = path.substring(path.lastIndexOf('/') + 1);
                byte[] raw = request.getBody() == null
                        ? new byte[0]
                        : request.getBody().toByteArray();
                Map<String, String> headers = new HashMap<>();
                request.getHeaders()
                        .forEach(h -> headers.put(h.getFirst().toLowerCase(java.util.Locale.ROOT), h.getSecond()));
                var call = new Call(method, path, new String(raw, StandardCharsets.UTF_8), headers, raw);
                MockResponse scripted;
                synchronized (calls) {
                    calls.add(call);
                    Deque<MockResponse> script = scripts.get(method);
                    scripted = script == null ? null : script.pollFirst();
                }
                onCall.accept(call);
                MockResponse answer = scripted != null ? scripted : answer(call);
                return delay.isZero()
                        ? answer
                        : answer.newBuilder()
                                .headersDelay(delay.toMillis(), TimeUnit.MILLISECONDS)
                                .build();
            }
        };
        server.routeTo(dispatcher);
    }

    /** The default answer of a method. */
    protected abstract MockResponse answer(Call call);

    String url() {
        return server.url();
    }

    /** The provider cannot be reached: every connection is dropped until {@link #up()}. */
    void down() {
        server.detach();
    }

    /** The provider answers again. */
    void up() {
        server.routeTo(dispatcher);
    }

    /** The next call of {@code method} gets this answer. */
    void script(String method, int code, String json) {
        synchronized (calls) {
            scripts.computeIfAbsent(method, m -> new ArrayDeque<>()).add(json(code, json));
        }
    }

    List<Call> calls(String method) {
        synchronized (calls) {
            return calls.stream().filter(c -> c.method().equals(method)).toList();
        }
    }

    List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    static MockResponse json(int code, String json) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .body(json)
                .build();
    }

    static MockResponse bytes(String contentType, byte[] content) {
        return new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", contentType)
                .body(new Buffer().write(content))
                .build();
    }

    static Function<Call, MockResponse> constant(String json) {
        return call -> json(200, json);
    }

    @Override
    public void close() {
        server.detach();
    }
}
