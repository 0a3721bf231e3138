package com.omnichat.channel;

import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;

/**
 * The Graph API (graph.facebook.com / graph.instagram.com) as documented, on loopback:
 * {@code GET /{version}/me}, the Send API {@code POST /{version}/me/messages} answering
 * {@code recipient_id} and {@code message_id}, and Graph's error envelope when scripted.
 */
class FakeGraph extends FakeProviderApi {

    private final AtomicLong mids = new AtomicLong(1000);

    /** On graph.facebook.com's server. */
    FakeGraph() {
        this(FakeProviderServers.GRAPH);
    }

    /** On {@code server} ({@link FakeProviderServers#INSTAGRAM} for graph.instagram.com). */
    FakeGraph(FakeProviderServers.Server server) {
        super(server);
    }

    @Override
    protected MockResponse answer(Call call) {
        if (call.path().startsWith("/media/")) {
            return bytes("image/png", FakeTelegram.PNG);
        }
        return switch (call.method()) {
            case "me" -> json(200, "{\"name\":\"Flower Shop\",\"id\":\"12345654332\"}");
            case "messages" ->
                json(
                        200,
                        "{\"recipient_id\":\"987654321432\",\"message_id\":\"m_sent." + mids.incrementAndGet() + "\"}");
            // An answer under a comment.
            case "replies" -> json(200, "{\"id\":\"c_reply." + mids.incrementAndGet() + "\"}");
            case "subscribed_apps" -> json(200, "{\"success\":true}");
            // Hiding (POST {hide}) and deleting (DELETE) a comment.
            case "c.1" -> json(200, "{\"success\":true}");
            // GET /{media-id}?fields=permalink,... and GET /{user-id}?fields=name,username,...: one node each.
            default ->
                call.method().matches("[0-9]+")
                        ? json(200, """
                    {"id":"%s","permalink":"https://www.instagram.com/p/C7xFlowers1/","caption":"Spring bouquets 🌷",
                     "media_type":"IMAGE","name":"Olena Koval","username":"olena.flowers","first_name":"Olena",
                     "last_name":"Koval"}""".formatted(call.method()))
                        : error(400, 100, 0, "Unsupported get request.");
        };
    }

    /** The id of the last message the Send API accepted. */
    String lastMid() {
        return "m_sent." + mids.get();
    }

    /** The id of the last answer under a comment. */
    String lastReply() {
        return "c_reply." + mids.get();
    }

    /** The next {@code method} call fails with Graph's error envelope. */
    void fail(String method, int http, int code, int subcode, String message) {
        script(method, http, envelope(code, subcode, message));
    }

    static MockResponse error(int http, int code, int subcode, String message) {
        return json(http, envelope(code, subcode, message));
    }

    static String envelope(int code, int subcode, String message) {
        return """
                {"error":{"message":"%s","type":"OAuthException","code":%d,%s"fbtrace_id":"AbCdEfGh123"}}""".formatted(message, code, subcode == 0 ? "" : "\"error_subcode\":" + subcode + ",");
    }
}
