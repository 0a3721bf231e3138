package com.omnichat.channel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An approved message template of a channel (WhatsApp and the like), as synced from the
 * provider: name, language, category and components — a header (text with at most one
 * parameter, or media), the body, a footer, buttons. Parameters are numbered ({@code {{1}}})
 * or named ({@code {{first_name}}}); each belongs to its component.
 */
public record MessageTemplate(
        String name, String language, @Nullable String category, List<Component> components) {

    private static final Pattern PARAMETER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

    public MessageTemplate {
        components = List.copyOf(components);
    }

    /** A part of the template; {@code format} for a header: TEXT, IMAGE, VIDEO, DOCUMENT, LOCATION. */
    public record Component(
            Kind kind, @Nullable String format, @Nullable String text, List<Button> buttons) {

        public Component {
            buttons = List.copyOf(buttons);
        }

        /** The parameters of its text in order of first appearance ("1", "2" or "first_name"). */
        public List<String> parameters() {
            if (text == null) {
                return List.of();
            }
            Set<String> names = new LinkedHashSet<>();
            Matcher m = PARAMETER.matcher(text);
            while (m.find()) {
                names.add(m.group(1));
            }
            return List.copyOf(names);
        }

        /** A header that is a picture, video or document (its file is given when sending). */
        public boolean mediaHeader() {
            return kind == Kind.HEADER && format != null && !"TEXT".equalsIgnoreCase(format);
        }
    }

    public enum Kind {
        HEADER,
        BODY,
        FOOTER,
        BUTTONS
    }

    /** A quick reply, URL or phone button, as the provider defined it. */
    public record Button(String type, String text, @Nullable String url) {}

    public @Nullable Component component(Kind kind) {
        return components.stream().filter(c -> c.kind() == kind).findFirst().orElse(null);
    }

    /** Whether every parameter is numbered ({@code {{1}}}) rather than named. */
    public boolean numbered() {
        return components.stream().flatMap(c -> c.parameters().stream()).allMatch(p -> p.matches("[0-9]+"));
    }

    /** Its text for search: header, body and footer. */
    public String searchText() {
        return String.join(
                " ",
                components.stream().map(Component::text).filter(t -> t != null).toList());
    }

    /**
     * The text the client will read: header (text), body and footer with the parameters filled
     * in (a missing value stays as its placeholder), button labels in brackets.
     */
    public String render(Map<String, String> header, Map<String, String> body) {
        List<String> parts = new ArrayList<>();
        for (Component c : components) {
            switch (c.kind()) {
                case HEADER -> {
                    if (!c.mediaHeader() && c.text() != null) {
                        parts.add(fill(c.text(), header));
                    }
                }
                case BODY -> parts.add(fill(c.text() == null ? "" : c.text(), body));
                case FOOTER -> {
                    if (c.text() != null) {
                        parts.add(c.text());
                    }
                }
                case BUTTONS -> {
                    if (!c.buttons().isEmpty()) {
                        parts.add(String.join(
                                " ",
                                c.buttons().stream()
                                        .map(b -> "[" + b.text() + "]")
                                        .toList()));
                    }
                }
            }
        }
        return String.join("\n\n", parts.stream().filter(p -> !p.isBlank()).toList());
    }

    private static String fill(String text, Map<String, String> values) {
        Matcher m = PARAMETER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null || value.isBlank() ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
