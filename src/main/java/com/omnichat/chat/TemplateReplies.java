package com.omnichat.chat;

import com.omnichat.base.UserFacingException;
import com.omnichat.channel.MessageTemplate;
import com.omnichat.channel.TemplateSend;
import com.omnichat.channel.TemplateService;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends an approved template into a chat: the template is looked up on the chat's channel
 * (never trusted from the browser), every parameter must have a value, the chat shows it as
 * the manager's message with the rendered text, and the queue sends the template itself.
 */
@Service
@Transactional
public class TemplateReplies {

    private final InboxService inbox;
    private final TemplateService templates;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    TemplateReplies(InboxService inbox, TemplateService templates, JdbcClient jdbc, JsonMapper json) {
        this.json = json;
        this.inbox = inbox;
        this.templates = templates;
        this.jdbc = jdbc;
    }

    /** Sends the template; returns the message. Parameters are keyed as in the template ("1", or the name). */
    public long send(
            long conversationId,
            String name,
            String language,
            Map<String, String> header,
            Map<String, String> body,
            @Nullable String headerMediaUrl) {
        long channelId = inbox.get(conversationId).channel().id();
        MessageTemplate template = templates
                .template(channelId, name, language)
                .orElseThrow(() -> new UserFacingException("templates.error.gone", name));
        TemplateSend send = TemplateSend.of(
                template,
                filled(template, MessageTemplate.Kind.HEADER, header),
                filled(template, MessageTemplate.Kind.BODY, body),
                headerMediaUrl);
        MessageTemplate.Component head = template.component(MessageTemplate.Kind.HEADER);
        if (head != null && head.mediaHeader() && (headerMediaUrl == null || headerMediaUrl.isBlank())) {
            throw new UserFacingException("templates.error.media-required");
        }
        long messageId = inbox.reply(conversationId, send.renderedText(), null, List.of());
        jdbc.sql("update message set template = ? where id = ?")
                .params(json.writeValueAsString(send), messageId)
                .update();
        return messageId;
    }

    /** Only the template's own parameters, each with a value. */
    private static Map<String, String> filled(
            MessageTemplate template, MessageTemplate.Kind kind, Map<String, String> values) {
        MessageTemplate.Component component = template.component(kind);
        if (component == null) {
            return Map.of();
        }
        var result = new java.util.LinkedHashMap<String, String>();
        for (String parameter : component.parameters()) {
            String value = values.get(parameter);
            if (value == null || value.isBlank()) {
                throw new UserFacingException("templates.error.parameter-missing", parameter);
            }
            result.put(parameter, value.strip());
        }
        return result;
    }

    /** The templates of the channels, for the picker. */
    public TemplateService templates() {
        return templates;
    }
}
