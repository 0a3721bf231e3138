package com.omnichat.channel.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * At start-up, rewrites channel secrets stored before they were bound to their channel
 * (version 1 ciphertexts) as version 2: from then on a secret copied into another channel's
 * row does not decrypt. Each node may run it; a row is only replaced while it still holds the
 * old ciphertext, so racing nodes (or a save in between) do no harm.
 */
@Component
@Order(-10)
public class SecretUpgrade implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SecretUpgrade.class);

    private final JdbcClient jdbc;
    private final SecretCipher cipher;

    SecretUpgrade(JdbcClient jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @Override
    public void run(ApplicationArguments args) {
        int upgraded = upgrade();
        if (upgraded > 0) {
            log.info("Channel secrets of {} channel(s) re-encrypted bound to their channel", upgraded);
        }
    }

    /** Re-encrypts every version-1 ciphertext; returns how many rows were rewritten. */
    public int upgrade() {
        int upgraded = 0;
        var rows = jdbc.sql("select id, secrets from channel where secrets is not null and get_byte(secrets, 0) = ?")
                .param((int) SecretCipher.LEGACY)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getBytes(2)))
                .list();
        for (Row row : rows) {
            byte[] renewed = cipher.encrypt(row.id(), cipher.decrypt(row.id(), row.secrets()));
            upgraded += jdbc.sql("update channel set secrets = ? where id = ? and secrets = ?")
                    .params(renewed, row.id(), row.secrets())
                    .update();
        }
        return upgraded;
    }

    private record Row(long id, byte[] secrets) {}
}
