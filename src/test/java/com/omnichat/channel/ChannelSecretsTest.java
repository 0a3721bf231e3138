package com.omnichat.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnichat.base.SystemAccess;
import com.omnichat.channel.internal.ChannelSettingsChanged;
import com.omnichat.channel.internal.LegacySecrets;
import com.omnichat.channel.internal.SecretUpgrade;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Channel secrets in the database are bound to their channel: a ciphertext copied into
 * another channel's row does not decrypt. Ciphertexts stored before that still work and are
 * rewritten bound — at start-up, and on the channel's next save.
 */
class ChannelSecretsTest extends ConnectorTest {

    /** application-test.yaml's public key. */
    static final String TEST_KEY = "dGVzdC1vbmx5LWtleS1vbW5pY2hhdC0zMi1ieXRlcyE=";

    @Autowired
    SecretUpgrade upgrade;

    @Test
    void secretsCopiedIntoAnotherChannelsRowDoNotDecrypt() {
        ChannelDetails telegram = connectTelegram(ChannelMode.WEBHOOK);
        ChannelDetails viber = connectViber(Map.of());

        jdbc.sql("update channel set secrets = (select secrets from channel where id = ?) where id = ?")
                .params(telegram.id(), viber.id())
                .update();
        forgetCachedChannels();

        assertThatThrownBy(() -> directory.byId(viber.id())).hasMessageContaining("Cannot decrypt");
        assertThat(directory.byId(telegram.id()).orElseThrow().secret("botToken"))
                .isEqualTo(TELEGRAM_TOKEN);
    }

    @Test
    void secretsStoredBeforeTheBindingStillWorkAndAreRewrittenBoundAtStartUp() throws Exception {
        ChannelDetails channel = connectTelegram(ChannelMode.WEBHOOK);
        storeLegacy(channel.id(), "{\"botToken\":\"" + TELEGRAM_TOKEN + "\",\"webhookSecret\":\"s3cret-s3cret\"}");

        assertThat(directory.byId(channel.id()).orElseThrow().secret("botToken"))
                .isEqualTo(TELEGRAM_TOKEN);

        assertThat(upgrade.upgrade()).isEqualTo(1);
        assertThat(upgrade.upgrade()).as("nothing left to rewrite").isZero();
        assertThat(formatVersion(channel.id())).isEqualTo(2);
        forgetCachedChannels();
        var connected = directory.byId(channel.id()).orElseThrow();
        assertThat(connected.secret("botToken")).isEqualTo(TELEGRAM_TOKEN);
        assertThat(connected.secret("webhookSecret")).isEqualTo("s3cret-s3cret");
    }

    @Test
    void secretsStoredBeforeTheBindingAreRewrittenBoundOnTheNextSave() throws Exception {
        ChannelDetails channel = connectTelegram(ChannelMode.WEBHOOK);
        storeLegacy(channel.id(), "{\"botToken\":\"" + TELEGRAM_TOKEN + "\",\"webhookSecret\":\"s3cret-s3cret\"}");

        // The administrator renames the channel; the token field stays empty (kept).
        SystemAccess.call(() -> administration.save(new ChannelDraft(
                channel.id(),
                ChannelType.TELEGRAM,
                "Telegram · renamed",
                ChannelMode.WEBHOOK,
                Map.of(),
                Map.of(),
                true)));

        assertThat(formatVersion(channel.id())).isEqualTo(2);
        var connected = directory.byId(channel.id()).orElseThrow();
        assertThat(connected.secret("botToken")).isEqualTo(TELEGRAM_TOKEN);
        assertThat(connected.secret("webhookSecret")).isEqualTo("s3cret-s3cret");
    }

    private void storeLegacy(long channelId, String json) throws Exception {
        jdbc.sql("update channel set secrets = ? where id = ?")
                .params(LegacySecrets.encrypt(TEST_KEY, json), channelId)
                .update();
        assertThat(formatVersion(channelId)).isEqualTo(1);
        forgetCachedChannels();
    }

    private int formatVersion(long channelId) {
        return count("select get_byte(secrets, 0) from channel where id = ?", channelId);
    }

    private void forgetCachedChannels() {
        context.publishEvent(new ChannelSettingsChanged(0));
    }
}
