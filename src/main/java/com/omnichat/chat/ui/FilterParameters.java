package com.omnichat.chat.ui;

import com.omnichat.chat.ChatFilter;
import com.omnichat.chat.ChatFilter.Responsible;
import com.omnichat.chat.ChatFilter.StateTab;
import com.vaadin.flow.router.QueryParameters;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Keeps the chat list's filters in the URL query, so a link or a reload shows the same list. */
final class FilterParameters {

    private FilterParameters() {}

    static QueryParameters toQuery(ChatFilter filter) {
        Map<String, List<String>> params = new HashMap<>();
        if (filter.state() != StateTab.OPEN) {
            params.put("state", List.of(filter.state().name().toLowerCase()));
        }
        if (!filter.search().isEmpty()) {
            params.put("q", List.of(filter.search()));
        }
        if (filter.unansweredOnly()) {
            params.put("unanswered", List.of("1"));
        }
        if (!filter.channelIds().isEmpty()) {
            params.put(
                    "channels",
                    List.of(filter.channelIds().stream()
                            .sorted()
                            .map(String::valueOf)
                            .collect(Collectors.joining(","))));
        }
        if (filter.responsible() != Responsible.ALL) {
            params.put(
                    "responsible",
                    List.of(
                            filter.responsible() == Responsible.USER
                                    ? "user-" + filter.responsibleUserId()
                                    : filter.responsible().name().toLowerCase()));
        }
        return new QueryParameters(params);
    }

    static ChatFilter fromQuery(QueryParameters query) {
        Map<String, List<String>> p = query.getParameters();
        StateTab state = parseEnum(StateTab.class, first(p, "state"), StateTab.OPEN);
        String search = first(p, "q");
        boolean unanswered = "1".equals(first(p, "unanswered"));
        Set<Long> channels = Arrays.stream(first(p, "channels").split(","))
                .filter(s -> s.matches("\\d{1,18}"))
                .map(Long::valueOf)
                .collect(Collectors.toSet());
        String responsible = first(p, "responsible");
        Responsible kind = Responsible.ALL;
        Long userId = null;
        if (responsible.matches("user-\\d{1,18}")) {
            kind = Responsible.USER;
            userId = Long.valueOf(responsible.substring(5));
        } else {
            kind = parseEnum(Responsible.class, responsible, Responsible.ALL);
            if (kind == Responsible.USER) {
                kind = Responsible.ALL;
            }
        }
        return new ChatFilter(state, search, unanswered, channels, kind, userId);
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? "" : values.getFirst();
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, E fallback) {
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e.name().equalsIgnoreCase(value))
                .findFirst()
                .orElse(fallback);
    }
}
