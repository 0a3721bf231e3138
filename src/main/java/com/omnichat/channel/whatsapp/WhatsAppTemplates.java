package com.omnichat.channel.whatsapp;

import com.omnichat.channel.MessageTemplate;
import com.omnichat.channel.MessageTemplate.Kind;
import com.omnichat.channel.TemplateSend;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Templates between WhatsApp's shapes and ours: {@code GET /{waba-id}/message_templates}
 * entries (only APPROVED ones) into {@link MessageTemplate}s, and a {@link TemplateSend} into
 * the {@code template} object of a message — numbered parameters in order, named ones with
 * {@code parameter_name}, a media header by link.
 */
final class WhatsAppTemplates {

    private WhatsAppTemplates() {}

    static List<MessageTemplate> approved(JsonNode data) {
        List<MessageTemplate> templates = new ArrayList<>();
        for (JsonNode t : data) {
            if (!"APPROVED".equalsIgnoreCase(t.path("status").asString(""))) {
                continue;
            }
            List<MessageTemplate.Component> components = new ArrayList<>();
            for (JsonNode c : t.path("components")) {
                Kind kind;
                try {
                    kind = Kind.valueOf(c.path("type").asString("").toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    continue;
                }
                List<MessageTemplate.Button> buttons = new ArrayList<>();
                for (JsonNode b : c.path("buttons")) {
                    buttons.add(new MessageTemplate.Button(
                            b.path("type").asString(""),
                            b.path("text").asString(""),
                            b.path("url").asString(null)));
                }
                components.add(new MessageTemplate.Component(
                        kind, c.path("format").asString(null), c.path("text").asString(null), buttons));
            }
            templates.add(new MessageTemplate(
                    t.path("name").asString(""),
                    t.path("language").asString(""),
                    t.path("category").asString(null),
                    components));
        }
        return templates;
    }

    /** The message's {@code template} object. */
    static Map<String, Object> payload(TemplateSend send, boolean mediaHeaderKind, String mediaType) {
        List<Object> components = new ArrayList<>();
        if (send.headerMediaUrl() != null && mediaHeaderKind) {
            components.add(Ordered.object(
                    "type",
                    "header",
                    "parameters",
                    List.of(Ordered.object(
                            "type", mediaType, mediaType, Ordered.object("link", send.headerMediaUrl())))));
        } else if (!send.header().isEmpty()) {
            components.add(Ordered.object("type", "header", "parameters", parameters(send.header())));
        }
        if (!send.body().isEmpty()) {
            components.add(Ordered.object("type", "body", "parameters", parameters(send.body())));
        }
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("name", send.name());
        template.put("language", Ordered.object("code", send.language()));
        if (!components.isEmpty()) {
            template.put("components", components);
        }
        return template;
    }

    private static List<Object> parameters(Map<String, String> values) {
        List<Object> parameters = new ArrayList<>();
        values.forEach((name, value) -> {
            Map<String, Object> parameter = new LinkedHashMap<>();
            parameter.put("type", "text");
            if (!name.matches("[0-9]+")) {
                parameter.put("parameter_name", name);
            }
            parameter.put("text", value);
            parameters.add(parameter);
        });
        return parameters;
    }
}
