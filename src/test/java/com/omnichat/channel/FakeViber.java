package com.omnichat.channel;

import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;

/** The Viber REST Bot API as documented (status/status_message, message_token), on loopback. */
class FakeViber extends FakeProviderApi {

    private final AtomicLong tokens = new AtomicLong(5741311803571721000L);

    FakeViber() {
        super(FakeProviderServers.VIBER);
    }

    @Override
    protected MockResponse answer(Call call) {
        if (call.path().startsWith("/media/")) {
            return bytes("image/png", FakeTelegram.PNG);
        }
        return switch (call.method()) {
            case "get_account_info" -> json(200, """
                    {"status":0,"status_message":"ok","id":"pa:75346594275468546724","name":"Flower Shop","uri":"flowershop",
                     "icon":"http://example.com/icon.jpg","subscribers_count":35}""");
            case "send_message" -> json(200, """
                    {"status":0,"status_message":"ok","message_token":%d,"chat_hostname":"SN-CHAT-05_"}""".formatted(tokens.incrementAndGet()));
            case "set_webhook" -> json(200, """
                    {"status":0,"status_message":"ok","event_types":["delivered","seen","failed","subscribed","unsubscribed","conversation_started"]}""");
            case "get_user_details" -> json(200, """
                    {"status":0,"status_message":"ok","message_token":4912661846655238145,"user":{"id":"01234567890A=",
                     "name":"John McClane","avatar":"%s/media/avatar.png","country":"UK","language":"en",
                     "primary_device_os":"android 7.1","api_version":1,"viber_version":"6.5.0","device_type":"iPhone9,4"}}""".formatted(url()));
            default -> json(200, "{\"status\":3,\"status_message\":\"badData\"}");
        };
    }

    long lastToken() {
        return tokens.get();
    }
}
