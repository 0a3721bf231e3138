package com.omnichat.channel.webchat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A site visitor's browser as the widget API sees it, over real HTTP: the calls the widget
 * makes, with the page's origin and (to play many visitors) a client address the proxy
 * reports in X-Forwarded-For.
 */
class WidgetClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String api;
    private final @Nullable String origin;
    private final String address;

    @Nullable
    String token;

    WidgetClient(int port, String channelKey, @Nullable String origin, String address) {
        this.api = "http://localhost:" + port + "/widget-api/" + channelKey;
        this.origin = origin;
        this.address = address;
    }

    /** An HTTP answer: status, headers and the body parsed as JSON (null when empty). */
    record Answer(
            int status,
            HttpResponse<String> response,
            @Nullable JsonNode json) {

        @Nullable
        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    /** Starts (no token yet) or resumes the session and keeps the token it gets. */
    Answer start() {
        Answer answer = call("POST", "/session", Map.of("token", token == null ? "" : token), false);
        if (answer.status() == 200) {
            token = answer.json().get("token").asString();
        }
        return answer;
    }

    Answer send(String clientId, String text) {
        return call("POST", "/messages", Map.of("clientId", clientId, "text", text), true);
    }

    Answer contacts(@Nullable String name, @Nullable String email, @Nullable String phone) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("email", email);
        body.put("phone", phone);
        return call("PUT", "/profile", body, true);
    }

    Answer read(long upTo) {
        return call("POST", "/read", Map.of("upTo", upTo), true);
    }

    Answer earlier(long before) {
        return call("GET", "/messages?before=" + before, null, true);
    }

    Answer poll(long after) {
        return call("GET", "/poll?after=" + after, null, true);
    }

    Answer preflight() {
        return send(request("/messages")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .build());
    }

    Answer raw(String method, String path, String body, boolean withToken) {
        HttpRequest.Builder request = request(path)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (withToken && token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    Answer call(String method, String path, @Nullable Object body, boolean withToken) {
        return raw(method, path, body == null ? "" : JSON.writeValueAsString(body), withToken);
    }

    /** An open event stream: its events arrive in a queue, read on a thread of its own. */
    Stream stream(long after) throws Exception {
        HttpRequest.Builder request = request("/stream?after=" + after)
                .header("Accept", "text/event-stream")
                .GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<java.io.InputStream> response =
                http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        return new Stream(response);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(api + path))
                .timeout(Duration.ofSeconds(40))
                .header("X-Forwarded-For", address);
        if (origin != null) {
            builder.header("Origin", origin);
        }
        return builder;
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            JsonNode json =
                    body == null || body.isBlank() || !body.strip().startsWith("{") ? null : JSON.readTree(body);
            return new Answer(response.statusCode(), response, json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One server-sent event. */
    record Event(String name, @Nullable String id, String data) {

        JsonNode json() {
            return JSON.readTree(data);
        }
    }

    static final class Stream implements AutoCloseable {

        final int status;
        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private final HttpResponse<java.io.InputStream> response;
        private final Thread reader;

        Stream(HttpResponse<java.io.InputStream> response) {
            this.response = response;
            this.status = response.statusCode();
            this.reader = Thread.ofVirtual().start(this::read);
        }

        @Nullable
        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        private void read() {
            try (var lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String name = "message";
                String id = null;
                StringBuilder data = new StringBuilder();
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.isEmpty()) {
                        if (!data.isEmpty()) {
                            events.add(new Event(name, id, data.toString()));
                        }
                        name = "message";
                        id = null;
                        data.setLength(0);
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).strip());
                    }
                }
            } catch (java.io.IOException e) {
                // closed
            }
        }

        /** The next event of this name (others are skipped), or fails after the timeout. */
        Event next(String name, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                long left = deadline - System.nanoTime();
                Event event = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
                if (event == null) {
                    throw new AssertionError("No '" + name + "' event within " + timeout);
                }
                if (event.name().equals(name)) {
                    return event;
                }
            }
        }

        /** Whether an event of this name comes within the time (waits that long when none does). */
        boolean nothingWithin(String name, Duration time) throws InterruptedException {
            long deadline = System.nanoTime() + time.toNanos();
            while (true) {
                long left = deadline - System.nanoTime();
                Event event = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
                if (event == null) {
                    return true;
                }
                if (event.name().equals(name)) {
                    return false;
                }
            }
        }

        @Override
        public void close() throws Exception {
            response.body().close();
            reader.interrupt();
        }
    }
}
