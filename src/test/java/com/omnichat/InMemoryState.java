package com.omnichat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationContext;
import org.springframework.test.util.AopTestUtils;

/**
 * What the application keeps in memory rather than in PostgreSQL, forgotten before each test
 * as the tables are emptied: who is viewing which chat (presence) and the open tabs of each
 * browser. (Login throttling and the widget's rate limits are buckets in the database.)
 * Every map these beans hold is cleared, so a map added to them later is cleared too.
 */
final class InMemoryState {

    /** Bean names of the holders: {@code PresenceService}, the chat UI's {@code OpenTabs}. */
    private static final List<String> HOLDERS = List.of("presenceService", "openTabs");

    private InMemoryState() {}

    static void forget(ApplicationContext context) {
        for (String name : HOLDERS) {
            // The bean itself, not its transaction proxy.
            Object holder = AopTestUtils.getUltimateTargetObject(context.getBean(name));
            for (Field field : holder.getClass().getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && Map.class.isAssignableFrom(field.getType())) {
                    field.setAccessible(true);
                    try {
                        ((Map<?, ?>) field.get(holder)).clear();
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException("Cannot forget " + name + "." + field.getName(), e);
                    }
                }
            }
        }
    }
}
