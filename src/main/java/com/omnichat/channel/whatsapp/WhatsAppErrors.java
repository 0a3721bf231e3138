package com.omnichat.channel.whatsapp;

import com.omnichat.channel.connector.DeliveryException;
import com.omnichat.channel.meta.GraphException;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * WhatsApp's own error codes on top of the Graph mapping ({@link GraphException#toDelivery()}):
 * a readable reason, and whether sending again can help. Also used for the {@code errors[]}
 * of a failed status.
 */
final class WhatsAppErrors {

    /** Re-engagement: more than 24 hours since the client last wrote; only a template may go out. */
    static final int WINDOW_CLOSED = 131047;

    private static final Map<Integer, String> TEXTS = Map.ofEntries(
            Map.entry(
                    WINDOW_CLOSED,
                    "WhatsApp: the 24-hour window has closed (the client last wrote more than 24 hours "
                            + "ago); send an approved template"),
            Map.entry(
                    131026,
                    "WhatsApp: the message could not be delivered (the number may not be on WhatsApp, or "
                            + "the client has not accepted the terms)"),
            Map.entry(131048, "WhatsApp: the number is limited for spam reports; it is sent again later"),
            Map.entry(131056, "WhatsApp: too many messages to this client in a short time; it is sent again later"),
            Map.entry(130429, "WhatsApp: the number's message throughput is reached; it is sent again later"),
            Map.entry(131049, "WhatsApp: not delivered to keep the client's experience healthy (marketing limit)"),
            Map.entry(131050, "WhatsApp: the client stopped marketing messages from the shop"),
            Map.entry(131051, "WhatsApp: this message type is not supported"),
            Map.entry(131052, "WhatsApp: the client's file could not be downloaded"),
            Map.entry(131053, "WhatsApp: the file could not be uploaded (type or size not supported)"),
            Map.entry(131031, "WhatsApp: the business account is locked"),
            Map.entry(131042, "WhatsApp: a payment problem with the business account"),
            Map.entry(131008, "WhatsApp: a required parameter is missing"),
            Map.entry(131009, "WhatsApp: a parameter value is not valid"),
            Map.entry(131021, "WhatsApp: the recipient is the business number itself"),
            Map.entry(132000, "WhatsApp: the template's parameters do not match its placeholders"),
            Map.entry(132001, "WhatsApp: the template does not exist in this language (or is not approved yet)"),
            Map.entry(132005, "WhatsApp: the filled-in template text is too long"),
            Map.entry(132007, "WhatsApp: the template's content breaks a WhatsApp policy"),
            Map.entry(132012, "WhatsApp: a template parameter has the wrong format"),
            Map.entry(132015, "WhatsApp: the template is paused for low quality"),
            Map.entry(132016, "WhatsApp: the template is disabled for low quality"),
            Map.entry(133010, "WhatsApp: the phone number is not registered with the Cloud API"));

    /** Codes that clear with time: sent again after a wait. */
    private static final Map<Integer, Duration> WAITS = Map.of(
            131048, Duration.ofMinutes(10),
            131056, Duration.ofSeconds(60),
            130429, Duration.ofSeconds(5));

    private WhatsAppErrors() {}

    static DeliveryException delivery(GraphException e) {
        String text = TEXTS.get(e.code());
        if (text == null) {
            return e.toDelivery();
        }
        String reason = text + " (code " + e.code() + ")";
        Duration wait = WAITS.get(e.code());
        if (wait != null) {
            return DeliveryException.rateLimited(reason, e.retryAfter() != null ? e.retryAfter() : wait);
        }
        return DeliveryException.permanent(reason);
    }

    /** The reason of a failed status ({@code errors[0]}: code, title, error_data.details). */
    static String status(int code, @Nullable String title, @Nullable String details) {
        String text = TEXTS.get(code);
        if (text != null) {
            return text + " (code " + code + ")";
        }
        String described = title == null || title.isBlank() ? "failed" : title;
        return "WhatsApp: " + described + (details == null || details.isBlank() ? "" : " — " + details) + " (code "
                + code + ")";
    }
}
