package com.omnichat.channel;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A template as a manager sends it: which one (name, language), the values of its header and
 * body parameters in the template's order (keys "1", "2" or the names), the header's media
 * link, and the text it renders to (what the chat shows as the manager's message).
 */
public record TemplateSend(
        String name,
        String language,
        Map<String, String> header,
        Map<String, String> body,
        @Nullable String headerMediaUrl,
        String renderedText) {

    public TemplateSend {
        header = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(header));
        body = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(body));
    }

    /** Fills the template with the values and renders its text. */
    public static TemplateSend of(
            MessageTemplate template,
            Map<String, String> header,
            Map<String, String> body,
            @Nullable String headerMediaUrl) {
        return new TemplateSend(
                template.name(), template.language(), header, body, headerMediaUrl, template.render(header, body));
    }
}
