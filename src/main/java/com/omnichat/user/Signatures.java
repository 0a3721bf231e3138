package com.omnichat.user;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The staff_signature table: one optional plain-text signature per user. */
@Component
class Signatures {

    private final JdbcClient jdbc;

    Signatures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> of(long userId) {
        return jdbc.sql("select signature from staff_signature where user_id = ?")
                .param(userId)
                .query(String.class)
                .optional();
    }

    void save(long userId, String signature) {
        jdbc.sql("""
                        insert into staff_signature (user_id, signature) values (?, ?)
                        on conflict (user_id) do update set signature = excluded.signature, updated_at = now()""").params(userId, signature).update();
    }

    void remove(long userId) {
        jdbc.sql("delete from staff_signature where user_id = ?").param(userId).update();
    }
}
