package com.omnichat.channel;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an e-mail adds to a client message. {@code subject} as written, {@code threadSubject}
 * without Re:/Fwd: prefixes (the thread rule's key); {@code references} are the Message-IDs
 * it answers, the nearest first (In-Reply-To, then References from the newest); {@code html}
 * is sanitized HTML (remote images not loaded, {@code cid:N} pointing at the N-th file);
 * {@code quoted} is the quoted history and signature, shown collapsed; an {@code automatic}
 * mail (auto-reply) never bumps the chat nor counts as unanswered.
 */
public record MailDetails(
        @Nullable String subject,
        String threadSubject,
        List<String> references,
        @Nullable String html,
        @Nullable String quoted,
        boolean automatic,
        String fromAddress) {

    public MailDetails {
        references = List.copyOf(references);
    }
}
