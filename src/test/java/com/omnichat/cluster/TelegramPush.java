package com.omnichat.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Telegram pushing updates to a node's webhook, as it does after "Register webhook": the URL
 * and secret the node registered with the fake, the secret in its header.
 */
public final class TelegramPush implements AutoCloseable {

    private final FakeTelegramServer.Webhook webhook;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public TelegramPush(FakeTelegramServer.Webhook webhook) {
        this.webhook = webhook;
    }

    /** The webhook's path ({@code /webhooks/telegram/<key>}), to be posted to any node. */
    public String path() {
        return URI.create(webhook.url()).getPath();
    }

    /** Posts an update to the node; returns the HTTP status (or -1 when the node did not answer). */
    public int post(AppNode node, String update) {
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(URI.create(node.url(path())))
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .header("X-Telegram-Bot-Api-Secret-Token", webhook.secret())
                            .POST(HttpRequest.BodyPublishers.ofString(update, StandardCharsets.UTF_8))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** A private-chat text message from client {@code chatId}. */
    public static String textUpdate(long updateId, long chatId, String firstName, long messageId, String text) {
        return """
                {"update_id":%d,"message":{"message_id":%d,"date":%d,
                 "chat":{"id":%d,"type":"private","first_name":"%s"},
                 "from":{"id":%d,"is_bot":false,"first_name":"%s"},"text":"%s"}}""".formatted(
                updateId, messageId, System.currentTimeMillis() / 1000, chatId, firstName, chatId, firstName, text);
    }

    @Override
    public void close() {
        http.close();
    }
}
