package com.omnichat.channel.whatsapp;

import com.omnichat.base.OmnichatProperties;
import com.omnichat.channel.Capability;
import com.omnichat.channel.ChannelType;
import com.omnichat.channel.ConnectionCheck;
import com.omnichat.channel.InboundAttachment;
import com.omnichat.channel.MessageTemplate;
import com.omnichat.channel.OutboundMessage;
import com.omnichat.channel.connector.ConnectedChannel;
import com.omnichat.channel.connector.DeliveryException;
import com.omnichat.channel.connector.InboundEvent;
import com.omnichat.channel.connector.MediaPolicy;
import com.omnichat.channel.connector.MediaRef;
import com.omnichat.channel.connector.ParsedEvent;
import com.omnichat.channel.connector.PhoneDigits;
import com.omnichat.channel.connector.ProviderErrors;
import com.omnichat.channel.connector.SecretField;
import com.omnichat.channel.connector.SendProgress;
import com.omnichat.channel.connector.SettingField;
import com.omnichat.channel.connector.UnparseableEventException;
import com.omnichat.channel.internal.MediaFetcher;
import com.omnichat.channel.internal.MediaStore;
import com.omnichat.channel.meta.GraphApi;
import com.omnichat.channel.meta.GraphException;
import com.omnichat.channel.meta.MetaConnector;
import com.omnichat.channel.meta.MetaSecrets;
import com.omnichat.channel.meta.MetaWebhooks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * A WhatsApp business number (Cloud API). In: the {@code whatsapp_business_account} webhook,
 * verified and signed as every Meta webhook. Out: {@code POST /{phone-number-id}/messages} —
 * text (up to 4096 characters a part), a reply by {@code context.message_id}, pictures and
 * documents by a public link, approved templates. A dialog can start by phone, with a template only.
 */
@Component
public class WhatsAppConnector implements MetaConnector {

    public static final String PHONE_NUMBER_ID = "phoneNumberId";
    public static final String WABA_ID = "businessAccountId";
    static final int TEXT_MAX = 4096;

    private final GraphApi graph;
    private final MediaStore media;
    private final String publicUrl;

    public WhatsAppConnector(GraphApi graph, MediaStore media, OmnichatProperties installation) {
        this.graph = graph;
        this.media = media;
        this.publicUrl = installation.publicUrl();
    }

    @Override
    public ChannelType type() {
        return ChannelType.WHATSAPP;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(
                Capability.WEBHOOK_RECEIVE,
                Capability.SEND_TEXT,
                Capability.REPLY,
                Capability.SEND_IMAGE,
                Capability.SEND_FILE,
                Capability.DELIVERY_STATUS,
                Capability.READ_STATUS,
                Capability.START_BY_PHONE,
                Capability.START_NEEDS_TEMPLATE,
                Capability.TEMPLATES);
    }

    @Override
    public List<SecretField> secretFields() {
        return List.of(MetaSecrets.accessToken(), MetaSecrets.appSecret(), MetaSecrets.verifyToken());
    }

    @Override
    public List<SettingField> settingFields() {
        return List.of(
                new SettingField(PHONE_NUMBER_ID, "channels.whatsapp.phone-number-id", false),
                new SettingField(WABA_ID, "channels.whatsapp.business-account-id", false));
    }

    /** {@code GET /{phone-number-id}}: the number and its verified business name. */
    @Override
    public ConnectionCheck checkConnection(ConnectedChannel channel) {
        String id;
        try {
            id = phoneNumberId(channel);
        } catch (IllegalStateException e) {
            return ProviderErrors.failedCheck(e, channel);
        }
        return graph.check(
                channel,
                GraphApi.Host.FACEBOOK,
                id,
                "display_phone_number,verified_name",
                number -> number.path("verified_name").asString("?") + " ("
                        + number.path("display_phone_number").asString("") + ")");
    }

    // ---- receiving ----

    @Override
    public ParsedEvent parse(ConnectedChannel channel, byte[] body) throws UnparseableEventException {
        JsonNode root = MetaWebhooks.envelope(body, "whatsapp_business_account");
        List<InboundEvent> events = new ArrayList<>();
        String ours = channel.setting(PHONE_NUMBER_ID);
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                JsonNode value = change.path("value");
                String number = value.path("metadata").path("phone_number_id").asString("");
                // One app may serve several numbers: only this channel's.
                if (ours != null && !number.isBlank() && !ours.equals(number)) {
                    continue;
                }
                events.addAll(WhatsAppWebhook.events(value));
            }
        }
        return new ParsedEvent(MetaWebhooks.key(body), events, null);
    }

    /** Two steps: {@code GET /{media-id}} for a short-lived URL, then that URL with the same token. */
    @Override
    public InboundAttachment download(ConnectedChannel channel, MediaRef ref, MediaPolicy policy) {
        String url = ref.reference();
        String contentType = ref.contentType();
        if (url.startsWith(WhatsAppWebhook.MEDIA_ID)) {
            JsonNode info = graph.get(
                    channel, GraphApi.Host.FACEBOOK, url.substring(WhatsAppWebhook.MEDIA_ID.length()), Map.of());
            if (info.path("file_size").isNumber()) {
                policy.checkSize(info.path("file_size").asLong());
            }
            url = info.path("url").asString("");
            contentType = info.path("mime_type").asString(contentType);
        }
        MediaFetcher.Fetched file = graph.download(url, policy.maxBytes(), channel.secret(MetaSecrets.ACCESS_TOKEN));
        String declared = file.contentType() != null ? file.contentType() : contentType;
        String name = ref.fileName() != null ? ref.fileName() : "file";
        return new InboundAttachment(name, policy.contentType(declared, file.content()), file.content());
    }

    // ---- sending ----

    @Override
    public String send(ConnectedChannel channel, OutboundMessage message, SendProgress progress)
            throws DeliveryException {
        List<Map<String, Object>> parts = parts(channel, message);
        String first = progress.sendParts(parts, (i, part) -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("messaging_product", "whatsapp");
            body.put("recipient_type", "individual");
            body.put("to", message.recipientExternalUserId());
            body.putAll(part);
            if (i == 0 && message.replyToExternalId() != null) {
                body.put("context", Ordered.object("message_id", message.replyToExternalId()));
            }
            JsonNode answer;
            try {
                answer = graph.post(channel, GraphApi.Host.FACEBOOK, phoneNumberId(channel) + "/messages", body);
            } catch (GraphException e) {
                throw WhatsAppErrors.delivery(e);
            }
            String id = answer.path("messages").path(0).path("id").asString("");
            if (id.isBlank()) {
                throw DeliveryException.retryable("WhatsApp: no message id in the answer");
            }
            return id;
        });
        return first != null ? first : "none";
    }

    private List<Map<String, Object>> parts(ConnectedChannel channel, OutboundMessage message)
            throws DeliveryException {
        List<Map<String, Object>> parts = new ArrayList<>();
        if (message.template() != null) {
            MessageTemplate template = null;
            String mediaType = "image";
            boolean mediaHeader = message.template().headerMediaUrl() != null;
            if (mediaHeader) {
                String url = message.template().headerMediaUrl().toLowerCase(Locale.ROOT);
                mediaType = url.matches(".*\\.(mp4|3gp)(\\?.*)?$")
                        ? "video"
                        : url.matches(".*\\.(pdf|docx?|xlsx?|pptx?|txt)(\\?.*)?$") ? "document" : "image";
            }
            parts.add(Ordered.object(
                    "type",
                    "template",
                    "template",
                    WhatsAppTemplates.payload(message.template(), mediaHeader, mediaType)));
            return parts;
        }
        String text = message.text() == null || message.text().isBlank() ? null : message.text();
        boolean caption =
                text != null && text.length() <= 1024 && message.files().size() == 1;
        if (text != null && !caption) {
            for (int start = 0; start < text.length(); start += TEXT_MAX) {
                parts.add(Ordered.object(
                        "type",
                        "text",
                        "text",
                        Ordered.object(
                                "preview_url",
                                false,
                                "body",
                                text.substring(start, Math.min(text.length(), start + TEXT_MAX)))));
            }
        }
        for (OutboundMessage.OutboundFile file : message.files()) {
            String link = media.publish(publicUrl, channel, file, "WhatsApp downloads them by link");
            Map<String, Object> content = new LinkedHashMap<>();
            content.put("link", link);
            if (caption) {
                content.put("caption", text);
            }
            if (file.isImage()) {
                parts.add(Ordered.object("type", "image", "image", content));
            } else {
                content.put("filename", file.fileName());
                parts.add(Ordered.object("type", "document", "document", content));
            }
        }
        return parts;
    }

    // ---- templates and writing first ----

    /** {@code GET /{waba-id}/message_templates}, every page; only approved templates. */
    @Override
    public List<MessageTemplate> fetchTemplates(ConnectedChannel channel) {
        String waba = channel.setting(WABA_ID);
        if (waba == null) {
            throw new ProviderErrors.ProviderException(0, "WhatsApp: no business account id in the channel settings");
        }
        List<MessageTemplate> templates = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 50; page++) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("fields", "name,language,status,category,components");
            query.put("limit", "100");
            if (after != null) {
                query.put("after", after);
            }
            JsonNode answer = graph.get(channel, GraphApi.Host.FACEBOOK, waba + "/message_templates", query);
            templates.addAll(WhatsAppTemplates.approved(answer.path("data")));
            after = answer.path("paging").path("cursors").path("after").asString(null);
            if (after == null || !answer.path("paging").has("next")) {
                break;
            }
        }
        return templates;
    }

    /** The wa_id of a number: its E.164 digits (whether it is on WhatsApp, the send answers). */
    @Override
    public Optional<String> externalUserIdForPhone(String e164Phone) {
        return PhoneDigits.of(e164Phone);
    }

    private static String phoneNumberId(ConnectedChannel channel) {
        String id = channel.setting(PHONE_NUMBER_ID);
        if (id == null) {
            throw new IllegalStateException("WhatsApp: no phone number id in the channel settings");
        }
        return id;
    }
}
