package com.omnichat.channel.email;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The polling cursor is one growing number (generation &lt;&lt; 32 | last UID): the framework
 * stores it only after the mails are stored and never moves it back. A mailbox's UIDVALIDITY
 * can change to any value, so each UIDVALIDITY seen gets the next generation here.
 */
@Component
class MailboxGenerations {

    private final JdbcClient jdbc;

    MailboxGenerations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The UIDVALIDITY of the cursor's generation, or -1 when the cursor is of an older one. */
    long validityOf(long channelId, long generation) {
        return jdbc.sql("select uid_validity from email_mailbox where channel_id = ? and generation = ?")
                .params(channelId, generation)
                .query(Long.class)
                .optional()
                .orElse(-1L);
    }

    /** The generation of this UIDVALIDITY: the current one, or a new one when it changed. */
    long generationFor(long channelId, long validity) {
        @Nullable
        Long current = jdbc.sql("select generation from email_mailbox where channel_id = ? and uid_validity = ?")
                .params(channelId, validity)
                .query(Long.class)
                .optional()
                .orElse(null);
        if (current != null) {
            return current;
        }
        return jdbc.sql("""
                        insert into email_mailbox (channel_id, uid_validity, generation) values (?, ?, 1)
                        on conflict (channel_id) do update set uid_validity = excluded.uid_validity,
                            generation = email_mailbox.generation + 1
                        returning generation""").params(channelId, validity).query(Long.class).single();
    }
}
