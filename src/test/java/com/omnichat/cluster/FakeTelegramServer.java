package com.omnichat.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Telegram Bot API for application processes started by a test (the app's
 * {@code TELEGRAM_API_URL} points here). It records what the nodes did: the webhook they
 * registered (URL and secret), every text sent (to count duplicates), and how many
 * {@code getUpdates} long polls were in flight at once. It can be stopped and started again on
 * the same port: while stopped, connections are refused, as with a provider that is down.
 */
public final class FakeTelegramServer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record Webhook(String url, String secret) {}

    private final MockWebServer server;
    private final Front front;
    private final AtomicLong messageIds = new AtomicLong(1000);
    private final Map<String, AtomicInteger> sentTexts = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Webhook> webhooks = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> requestPaths = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pollsInFlight = new AtomicInteger();
    private final AtomicInteger maxPollsInFlight = new AtomicInteger();
    private final ConcurrentLinkedQueue<Long> pollOffsets = new ConcurrentLinkedQueue<>();
    private final AtomicInteger polls = new AtomicInteger();
    private final List<String> pendingUpdates = new ArrayList<>();
    private volatile Duration sendLatency = Duration.ZERO;
    private volatile boolean holdSends;
    private volatile Duration pollLatency = Duration.ofMillis(300);

    /** Starts on a free loopback port. */
    public FakeTelegramServer() {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        try {
            server.start(InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the fake Telegram", e);
        }
        front = new Front(server.getPort());
        front.open();
    }

    public String url() {
        return "http://127.0.0.1:" + front.port;
    }

    /** Opens the port again: the provider is back. */
    public void start() {
        front.open();
    }

    /** Closes the port and cuts open connections: the provider is down (connections refused). */
    public void stop() {
        front.close();
    }

    public void sendLatency(Duration latency) {
        this.sendLatency = latency;
    }

    /** While held, every send is answered "429 Too Many Requests, retry after 1 s" (nothing is sent). */
    public void holdSends(boolean hold) {
        this.holdSends = hold;
    }

    public void pollLatency(Duration latency) {
        this.pollLatency = latency;
    }

    /** Updates that the next long polls hand out (in order, one per poll, from the requested offset). */
    public void queueUpdates(List<String> updates) {
        synchronized (pendingUpdates) {
            pendingUpdates.addAll(updates);
        }
    }

    public List<Webhook> webhooks() {
        return List.copyOf(webhooks);
    }

    /** How often each text was sent with sendMessage. */
    public Map<String, Integer> sentTexts() {
        Map<String, Integer> copy = new java.util.TreeMap<>();
        sentTexts.forEach((text, count) -> copy.put(text, count.get()));
        return copy;
    }

    public int polls() {
        return polls.get();
    }

    public int maxPollsInFlight() {
        return maxPollsInFlight.get();
    }

    public List<Long> pollOffsets() {
        return List.copyOf(pollOffsets);
    }

    public List<String> requestPaths() {
        return List.copyOf(requestPaths);
    }

    private MockResponse answer(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        requestPaths.add(path);
        String method = path.substring(path.lastIndexOf('/') + 1);
        String body = request.getBody() == null ? "" : request.getBody().string(StandardCharsets.UTF_8);
        JsonNode json = body.isBlank() || !body.strip().startsWith("{") ? JSON.createObjectNode() : JSON.readTree(body);
        return switch (method) {
            case "getMe" -> ok("{\"id\":7000001,\"is_bot\":true,\"first_name\":\"Shop\",\"username\":\"shop_bot\"}");
            case "setWebhook" -> {
                webhooks.add(new Webhook(
                        json.path("url").asString(), json.path("secret_token").asString()));
                yield ok("true");
            }
            case "deleteWebhook" -> ok("true");
            case "sendMessage", "sendPhoto", "sendDocument" -> {
                if (holdSends) {
                    yield json(
                            429,
                            "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 1\","
                                    + "\"parameters\":{\"retry_after\":1}}");
                }
                pause(sendLatency);
                sentTexts
                        .computeIfAbsent(json.path("text").asString(""), t -> new AtomicInteger())
                        .incrementAndGet();
                yield ok("{\"message_id\":" + messageIds.incrementAndGet()
                        + ",\"date\":1700000000,\"chat\":{\"id\":1,\"type\":\"private\"}}");
            }
            // Profile refreshes find nothing: the names the clients wrote with stay (the runs look chats up by them).
            case "getChat" ->
                json(400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}");
            case "getUpdates" -> poll(json);
            default -> json(404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
        };
    }

    private MockResponse poll(JsonNode request) {
        int inFlight = pollsInFlight.incrementAndGet();
        maxPollsInFlight.accumulateAndGet(inFlight, Math::max);
        polls.incrementAndGet();
        try {
            long offset = request.path("offset").asLong(0);
            pollOffsets.add(offset);
            // A poll takes a while, as a long poll does: two nodes polling at once would overlap here.
            pause(pollLatency);
            String update;
            synchronized (pendingUpdates) {
                // Update ids are 1..n: the offset says which were confirmed.
                int next = (int) Math.max(0, offset - 1);
                update = next < pendingUpdates.size() ? pendingUpdates.get(next) : null;
            }
            return ok(update == null ? "[]" : "[" + update + "]");
        } finally {
            pollsInFlight.decrementAndGet();
        }
    }

    private static void pause(Duration latency) {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static MockResponse ok(String result) {
        return json(200, "{\"ok\":true,\"result\":" + result + "}");
    }

    private static MockResponse json(int code, String json) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .body(json)
                .build();
    }

    @Override
    public void close() {
        front.close();
        server.close();
    }

    /**
     * The port the nodes call: forwards to the MockWebServer, and can be closed and opened again
     * on the same port (MockWebServer itself binds without SO_REUSEADDR, so it cannot).
     */
    private static final class Front {

        private final int backend;
        private final int port;
        private final java.util.Set<java.net.Socket> open = ConcurrentHashMap.newKeySet();
        private java.net.ServerSocket listener;

        Front(int backend) {
            this.backend = backend;
            this.port = AppNode.freePort();
        }

        synchronized void open() {
            if (listener != null) {
                return;
            }
            try {
                var socket = new java.net.ServerSocket();
                socket.setReuseAddress(true);
                socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                listener = socket;
            } catch (IOException e) {
                throw new IllegalStateException("Could not open port " + port, e);
            }
            var accepting = listener;
            Thread.ofVirtual().name("fake-telegram-front").start(() -> {
                while (!accepting.isClosed()) {
                    try {
                        var client = accepting.accept();
                        var upstream = new java.net.Socket(InetAddress.getLoopbackAddress(), backend);
                        open.add(client);
                        open.add(upstream);
                        Thread.ofVirtual().start(() -> pipe(client, upstream));
                        Thread.ofVirtual().start(() -> pipe(upstream, client));
                    } catch (IOException e) {
                        // Closed: the provider is down.
                    }
                }
            });
        }

        private void pipe(java.net.Socket from, java.net.Socket to) {
            try (from;
                    to) {
                from.getInputStream().transferTo(to.getOutputStream());
            } catch (IOException e) {
                // Either side closed.
            } finally {
                open.remove(from);
                open.remove(to);
            }
        }

        synchronized void close() {
            if (listener == null) {
                return;
            }
            try {
                listener.close();
            } catch (IOException e) {
                // Closed anyway.
            }
            listener = null;
            for (var socket : open) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // Closed anyway.
                }
            }
            open.clear();
        }
    }
}
