package com.omnichat.chat;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a message typed normally may be in a chat now, by its channel's messaging window, and
 * since when the client last wrote directly (null when he never did, or the channel has none).
 */
public record ReplyWindow(Rule rule, @Nullable Instant clientWroteAt) {

    public enum Rule {
        /** No window rules on this channel, or none that restrict this chat now. */
        NONE,
        /** Meta: the client wrote within 24 hours: free replies. */
        OPEN,
        /** Meta: 24 hours to 7 days: sent as a human agent's reply. */
        HUMAN_AGENT,
        /** Meta: more than 7 days: the provider takes no message until the client writes again. */
        CLOSED,
        /** Meta: the client never wrote in the direct chat (only commented): only comment or private replies. */
        NEVER_WROTE,
        /** WhatsApp: the client has not written within 24 hours (or never): only a template may be sent. */
        TEMPLATE_ONLY
    }

    /** Whether free text is refused and a template must be chosen instead. */
    public boolean templateOnly() {
        return rule == Rule.TEMPLATE_ONLY;
    }

    /** The translation key of the hint under the input ({@code {0}}: the channel), or null for none. */
    public @Nullable String hintKey() {
        return switch (rule) {
            case NONE, TEMPLATE_ONLY -> null;
            default -> "chat.window." + rule.name();
        };
    }
}
