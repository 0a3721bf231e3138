package com.omnichat.channel;

import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;

/** The Telegram Bot API as documented (ok/result envelopes, error_code, retry_after), on loopback. */
class FakeTelegram extends FakeProviderApi {

    /** A tiny valid PNG (1x1). */
    static final byte[] PNG = java.util.Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private final AtomicLong messageIds = new AtomicLong(500);
    volatile byte[] fileContent = PNG;
    volatile String updates = "[]";

    FakeTelegram() {
        super(FakeProviderServers.TELEGRAM);
    }

    @Override
    protected MockResponse answer(Call call) {
        if (call.path().contains("/file/bot")) {
            return bytes("application/octet-stream", fileContent);
        }
        return switch (call.method()) {
            case "getMe" -> json(200, """
                    {"ok":true,"result":{"id":7000001,"is_bot":true,"first_name":"Flower shop","username":"flowershop_bot"}}""");
            case "sendMessage", "sendPhoto", "sendDocument" -> json(200, """
                    {"ok":true,"result":{"message_id":%d,"date":1700000000,"chat":{"id":1111111,"type":"private"}}}""".formatted(messageIds.incrementAndGet()));
            case "setWebhook", "deleteWebhook" ->
                json(200, "{\"ok\":true,\"result\":true,\"description\":\"Webhook was set\"}");
            case "getFile" -> json(200, """
                    {"ok":true,"result":{"file_id":"AgAD","file_unique_id":"u1","file_size":%d,"file_path":"photos/file_7.jpg"}}""".formatted(fileContent.length));
            case "getChat" -> json(200, """
                    {"ok":true,"result":{"id":1111111,"type":"private","first_name":"Olena","last_name":"Bondar",
                     "username":"olena_b","photo":{"small_file_id":"s1","small_file_unique_id":"su1","big_file_id":"b1","big_file_unique_id":"bu1"}}}""");
            case "getUpdates" -> json(200, "{\"ok\":true,\"result\":" + updates + "}");
            default -> json(404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
        };
    }

    long lastMessageId() {
        return messageIds.get();
    }
}
