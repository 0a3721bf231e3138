package com.omnichat.channel.viberbusiness;

import com.omnichat.channel.ChannelProperties;
import com.omnichat.channel.ClientProfile;
import com.omnichat.channel.ConnectionCheck;
import com.omnichat.channel.connector.ConnectedChannel;
import com.omnichat.channel.connector.DeliveryException;
import com.omnichat.channel.connector.InboundEvent;
import com.omnichat.channel.connector.InboundEvent.StatusUpdate.Status;
import com.omnichat.channel.connector.MediaRef;
import com.omnichat.channel.connector.ParsedEvent;
import com.omnichat.channel.connector.PollResult;
import com.omnichat.channel.connector.ProviderErrors;
import com.omnichat.channel.connector.UnparseableEventException;
import com.omnichat.channel.connector.WebhookRequest;
import com.omnichat.channel.internal.Json;
import com.omnichat.channel.internal.MediaFetcher;
import com.omnichat.channel.internal.MediaHosts;
import com.omnichat.channel.viberbusiness.InfobipApi.InfobipException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Infobip's Viber Business Messages API: {@code POST /viber/2/messages} (sender,
 * destinations[].to, content TEXT/IMAGE/FILE), delivery reports pushed to the webhook or
 * fetched from {@code GET /viber/2/reports} (each handed out once), seen reports and
 * inbound messages ({@code results[]} with {@code message} TEXT or FILE) pushed to the
 * webhook. The webhook is protected with HTTP Basic authentication configured at Infobip.
 */
@Component
class InfobipAggregator implements ViberAggregator {

    static final String ID = "infobip";
    private static final DateTimeFormatter INFOBIP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private final InfobipApi api;
    private final MediaFetcher fetcher;
    private final String mediaHosts;

    InfobipAggregator(InfobipApi api, MediaFetcher fetcher, ChannelProperties properties) {
        this.api = api;
        this.fetcher = fetcher;
        // Inbound files are served from Infobip's own hosts.
        this.mediaHosts = properties.infobip().mediaHosts();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ConnectionCheck check(ConnectedChannel channel) {
        try {
            JsonNode balance = api.get(baseUrl(channel), apiKey(channel), "/account/1/balance");
            return ConnectionCheck.ok("Infobip · " + sender(channel) + " · "
                    + balance.path("balance").asString("?") + " "
                    + balance.path("currency").asString(""));
        } catch (InfobipException e) {
            return ProviderErrors.failedCheck(e, channel);
        }
    }

    // ---- sending ----

    @Override
    public String send(ConnectedChannel channel, String phone, Part part, String ownId) throws DeliveryException {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("sender", sender(channel));
        Map<String, Object> destination = new LinkedHashMap<>();
        destination.put("to", phone);
        destination.put("messageId", ownId);
        message.put("destinations", List.of(destination));
        message.put("content", content(part));
        JsonNode answer;
        try {
            answer = api.post(
                    baseUrl(channel), apiKey(channel), "/viber/2/messages", Map.of("messages", List.of(message)));
        } catch (InfobipException e) {
            throw classify(e, channel);
        }
        JsonNode sent = answer.path("messages").path(0);
        JsonNode status = sent.path("status");
        if ("REJECTED".equals(status.path("groupName").asString(""))) {
            // Refused at once, e.g. the number is not on Viber or not allowed for this sender.
            throw DeliveryException.permanent(ProviderErrors.redact(reason(status, null)) + " (Infobip)");
        }
        return sent.path("messageId").asString(ownId);
    }

    private static Map<String, Object> content(Part part) {
        Map<String, Object> content = new LinkedHashMap<>();
        switch (part) {
            case Part.Text text -> {
                content.put("type", "TEXT");
                content.put("text", text.text());
            }
            case Part.Image image -> {
                content.put("type", "IMAGE");
                content.put("mediaUrl", image.url());
                if (!image.caption().isBlank()) {
                    content.put("text", image.caption());
                }
            }
            case Part.File file -> {
                content.put("type", "FILE");
                content.put("mediaUrl", file.url());
                content.put("fileName", file.fileName());
            }
        }
        return content;
    }

    static DeliveryException classify(InfobipException e, ConnectedChannel channel) {
        String reason = ProviderErrors.describe(e, channel.secrets().values()) + " (Infobip HTTP " + e.status() + ")";
        int status = e.status();
        if (status == 429) {
            return DeliveryException.rateLimited(
                    reason, e.retryAfter() != null ? e.retryAfter() : Duration.ofSeconds(30));
        }
        if (status == 0 || status >= 500) {
            return DeliveryException.retryable(reason);
        }
        // 400 (bad request), 401/403 (API key), 404: sending it again changes nothing.
        return DeliveryException.permanent(reason);
    }

    // ---- receiving ----

    @Override
    public boolean authentic(ConnectedChannel channel, WebhookRequest request) {
        String password = channel.secrets().get(ViberBusinessConnector.WEBHOOK_PASSWORD);
        String header = request.header("Authorization");
        if (password == null
                || password.isBlank()
                || header == null
                || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        // Any user name: the password is the secret both sides know.
        return colon >= 0
                && MessageDigest.isEqual(
                        decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8),
                        password.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public ParsedEvent parse(ConnectedChannel channel, byte[] body) throws UnparseableEventException {
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(body);
        } catch (RuntimeException e) {
            throw new UnparseableEventException("Not JSON: " + e.getClass().getSimpleName(), e);
        }
        if (json == null || !json.isObject()) {
            throw new UnparseableEventException("Not an Infobip notification (no object)");
        }
        // A webhook carries results[]; an inbound message may also come alone.
        List<JsonNode> results = new ArrayList<>();
        if (json.path("results").isArray()) {
            json.path("results").forEach(results::add);
        } else if (json.has("messageId")) {
            results.add(json);
        } else {
            throw new UnparseableEventException("Not an Infobip notification (no results)");
        }
        List<InboundEvent> events = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (JsonNode result : results) {
            String id = result.path("messageId").asString("");
            if (id.isBlank()) {
                throw new UnparseableEventException("Infobip notification without messageId");
            }
            if (result.path("message").isObject()) {
                keys.add("in:" + id);
                events.add(inbound(result, id));
            } else if (result.has("seenAt")) {
                keys.add("seen:" + id);
                events.add(new InboundEvent.StatusUpdate(id, Status.READ, null));
            } else if (result.path("status").isObject()) {
                String group = result.path("status").path("groupName").asString("");
                keys.add("dlr:" + id + ":" + group);
                switch (group) {
                    case "DELIVERED" -> events.add(new InboundEvent.StatusUpdate(id, Status.DELIVERED, null));
                    case "UNDELIVERABLE", "EXPIRED", "REJECTED" ->
                        events.add(new InboundEvent.StatusUpdate(
                                id,
                                Status.FAILED,
                                ProviderErrors.redact(reason(result.path("status"), result.path("error")))));
                    default -> {
                        // PENDING and anything newer: nothing to show yet.
                    }
                }
            } else {
                keys.add("other:" + id);
            }
        }
        return new ParsedEvent(key(keys), events, null);
    }

    private static InboundEvent.ClientMessage inbound(JsonNode result, String id) {
        String phone = result.path("sender").asString(result.path("from").asString(""));
        String name = result.path("contact").path("name").asString("");
        var profile = new ClientProfile(phone, name.isBlank() ? "+" + phone : name, null, null);
        JsonNode message = result.path("message");
        String type = message.path("type").asString("TEXT").toUpperCase(Locale.ROOT);
        String text = message.path("text").asString(null);
        List<MediaRef> media = new ArrayList<>();
        String url = message.path("url").asString("");
        if (!url.isBlank()) {
            String fileName = message.path("fileName").asString(fileName(url));
            media.add(new MediaRef(url, fileName, null, null, "IMAGE".equals(type) || isImage(fileName)));
        } else if (text == null) {
            // A type we cannot show (yet): say what came instead of an empty bubble.
            text = "[" + type.toLowerCase(Locale.ROOT) + "]";
        }
        return new InboundEvent.ClientMessage(profile, id, text, media, null, time(result.path("receivedAt")));
    }

    /** "Undeliverable: not a Viber user (EC_NOT_VIBER_USER)" from Infobip's status and error. */
    private static String reason(JsonNode status, @Nullable JsonNode error) {
        String text = status.path("description").asString(status.path("name").asString("Failed"));
        if (error != null && error.isObject() && error.path("id").asInt(0) != 0) {
            text += ": " + error.path("description").asString("") + " ("
                    + error.path("name").asString("") + ")";
        }
        return text;
    }

    private static String key(List<String> keys) {
        String joined = String.join(",", keys);
        if (joined.length() <= 200) {
            return joined;
        }
        try {
            return "batch:"
                    + java.util.HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256")
                                    .digest(joined.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant time(JsonNode value) {
        String text = value.asString("");
        if (!text.isBlank()) {
            try {
                return OffsetDateTime.parse(text, INFOBIP_TIME).toInstant();
            } catch (DateTimeParseException e) {
                try {
                    return OffsetDateTime.parse(text).toInstant();
                } catch (DateTimeParseException ignored) {
                    // fall through: now
                }
            }
        }
        return Instant.now();
    }

    private static String fileName(String url) {
        String path = url.replaceAll("[?#].*$", "");
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.isBlank() ? "file" : name;
    }

    private static boolean isImage(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).matches(".*\\.(jpe?g|png|gif|webp)$");
    }

    // ---- polling and media ----

    @Override
    public List<PollResult.RawUpdate> pollReports(ConnectedChannel channel) {
        JsonNode answer = api.get(baseUrl(channel), apiKey(channel), "/viber/2/reports?limit=100");
        List<PollResult.RawUpdate> updates = new ArrayList<>();
        for (JsonNode report : answer.path("results")) {
            String id = report.path("messageId").asString("");
            if (id.isBlank()) {
                continue;
            }
            byte[] body = Json.write(Map.of("results", List.of(report))).getBytes(StandardCharsets.UTF_8);
            updates.add(new PollResult.RawUpdate(
                    "dlr:" + id + ":" + report.path("status").path("groupName").asString(""), body));
        }
        return updates;
    }

    @Override
    public MediaFetcher.Fetched download(ConnectedChannel channel, String url, long maxBytes) {
        return fetcher.fetch(url, MediaHosts.of(mediaHosts, baseUrl(channel)), maxBytes);
    }

    private static String baseUrl(ConnectedChannel channel) {
        String url = channel.setting(ViberBusinessConnector.BASE_URL);
        if (url == null) {
            throw new InfobipException(0, "No Infobip base URL in the channel settings", null);
        }
        return url.startsWith("http://") || url.startsWith("https://") ? url : "https://" + url;
    }

    private static String apiKey(ConnectedChannel channel) {
        return channel.secret(ViberBusinessConnector.API_KEY);
    }

    private static String sender(ConnectedChannel channel) {
        String sender = channel.setting(ViberBusinessConnector.SENDER);
        if (sender == null) {
            throw new InfobipException(0, "No Viber sender in the channel settings", null);
        }
        return sender;
    }
}
