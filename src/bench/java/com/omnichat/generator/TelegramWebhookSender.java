package com.omnichat.generator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Delivers messages as Telegram does: a JSON update POSTed to the channel's webhook
 * ({@code /webhooks/telegram/{key}}) with the secret token in
 * {@code X-Telegram-Bot-Api-Secret-Token}. A duplicate delivery is the same update again
 * (Telegram retries until it gets a 200).
 */
final class TelegramWebhookSender implements InboundSender {

    static final String PATH = "HTTP webhook POST /webhooks/telegram/{key} (secret token checked, raw update stored)";
    static final String FLOOR_PATH = "HTTP only: the same POSTs to /webhooks/telegram/{unknown key} (404 from the "
            + "controller, cached channel lookup, no database work)";
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private final long channelId;
    private final URI url;
    private final String secret;
    private final int acceptedStatus;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    TelegramWebhookSender(long channelId, String url, String secret) {
        this(channelId, url, secret, 200);
    }

    private TelegramWebhookSender(long channelId, String url, String secret, int acceptedStatus) {
        this.channelId = channelId;
        this.url = URI.create(url);
        this.secret = secret;
        this.acceptedStatus = acceptedStatus;
    }

    /**
     * The HTTP floor: the same requests through the same client, Tomcat, security chain and
     * controller, to a channel key that does not exist, so the answer (404) involves no database.
     */
    static TelegramWebhookSender unknownChannel(String baseUrl, String run) {
        return new TelegramWebhookSender(-1, baseUrl + "/webhooks/telegram/no-such-channel-" + run, "none", 404);
    }

    @Override
    public String path() {
        return acceptedStatus == 200 ? PATH : FLOOR_PATH;
    }

    @Override
    public long channelId() {
        return channelId;
    }

    @Override
    public boolean deliver(Delivery d) throws Exception {
        return post(update(d), secret) == acceptedStatus;
    }

    @Override
    public java.util.Optional<Boolean> deliverForged(Delivery d) throws Exception {
        return java.util.Optional.of(post(update(d), "forged-" + secret.hashCode()) == 401);
    }

    /** The status the webhook answers a request with this secret (a forged one: 401). */
    int post(String body, String withSecret) throws Exception {
        HttpResponse<Void> response = http.send(
                HttpRequest.newBuilder(url)
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .header(SECRET_HEADER, withSecret)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        return response.statusCode();
    }

    /** A private-chat text message; Telegram numbers messages per chat, the sequence is unique anyway. */
    static String update(Delivery d) {
        String[] name = d.clientName().split(" ", 2);
        String person = """
                "id":%d,"first_name":"%s","last_name":"%s","username":"%s\"""".formatted(d.clientUserId(), name[0], name.length > 1 ? name[1] : "", d.clientNickname());
        return """
                {"update_id":%d,"message":{"message_id":%d,"date":%d,"chat":{%s,"type":"private"},\
                "from":{%s,"is_bot":false},"text":"%s"}}""".formatted(d.sequence(), d.sequence(), System.currentTimeMillis() / 1000, person, person, d.text());
    }

    @Override
    public void close() {
        http.close();
    }
}
