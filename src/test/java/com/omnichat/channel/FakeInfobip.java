package com.omnichat.channel;

import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;

/**
 * Infobip's REST API as documented, on loopback: {@code POST /viber/2/messages} answers with
 * bulkId and messages[].{messageId, status{groupId, groupName, id, name, description},
 * destination}; {@code GET /viber/2/reports} with results[] (empty by default);
 * {@code GET /account/1/balance}; inbound files under {@code /media/}. Errors use Infobip's
 * requestError.serviceException envelope.
 */
class FakeInfobip extends FakeProviderApi {

    static final String API_KEY = "003026bbc133714df1834b8638bb496e-8f4b3d9a-e931-478d-a994-28a725159ab9";
    private final AtomicLong ids = new AtomicLong(2250);

    FakeInfobip() {
        super(FakeProviderServers.INFOBIP);
    }

    @Override
    protected MockResponse answer(Call call) {
        if (call.path().startsWith("/media/")) {
            return bytes("application/pdf", "%PDF-1.4 invoice".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        if (!("App " + API_KEY).equals(call.header("authorization"))) {
            return json(401, """
                    {"requestError":{"serviceException":{"messageId":"UNAUTHORIZED","text":"Invalid login details"}}}""");
        }
        return switch (call.method()) {
            case "messages" -> json(200, """
                    {"bulkId":"a28dd97c-2222-4fcf-99f1-0b557ed381da","messages":[{"messageId":"%s",
                     "status":{"groupId":1,"groupName":"PENDING","id":26,"name":"PENDING_ACCEPTED",
                     "description":"Message sent to next instance"},"destination":"%s"}]}""".formatted(messageIdOf(call), destinationOf(call)));
            case "reports" -> json(200, "{\"results\":[]}");
            case "balance" -> json(200, "{\"balance\":47.79134,\"currency\":\"EUR\"}");
            default -> json(404, """
                    {"requestError":{"serviceException":{"messageId":"NOT_FOUND","text":"Not found"}}}""");
        };
    }

    /** The messageId the request gave its destination (Infobip keeps it), or a new one. */
    private String messageIdOf(Call call) {
        var id = java.util.regex.Pattern.compile("\"messageId\":\"([^\"]+)\"").matcher(call.body());
        return id.find() ? id.group(1) : "ib-" + ids.incrementAndGet();
    }

    private static String destinationOf(Call call) {
        var to = java.util.regex.Pattern.compile("\"to\":\"([^\"]+)\"").matcher(call.body());
        return to.find() ? to.group(1) : "";
    }

    /** A delivery report as Infobip pushes it (and as GET /viber/2/reports lists it). */
    static String deliveryReport(
            String messageId, String to, String group, int groupId, String name, String description, String errorJson) {
        return """
                {"bulkId":"a28dd97c-2222-4fcf-99f1-0b557ed381da","price":{"pricePerMessage":0.15,"currency":"EUR"},
                 "status":{"groupId":%d,"groupName":"%s","id":5,"name":"%s","description":"%s"},
                 "error":%s,"messageId":"%s","to":"%s","sender":"FlowerShop",
                 "sentAt":"2026-12-04T10:52:15.457+0000","doneAt":"2026-12-04T10:52:15.799+0000","messageCount":1,
                 "mccMnc":"25501"}""".formatted(groupId, group, name, description, errorJson, messageId, to);
    }

    static final String NO_ERROR = """
            {"groupId":0,"groupName":"OK","id":0,"name":"NO_ERROR","description":"No Error","permanent":false}""";
}
