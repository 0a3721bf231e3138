package com.omnichat.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.channel.internal.ProfileRefresher;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Client photos are stored here, never hot-linked: a photo whose bytes did not change is
 * reused (same address, one stored copy); a new photo replaces the old one, which is deleted.
 */
class ProfilePhotoTest extends ConnectorTest {

    @Autowired
    ProfileRefresher profiles;

    ChannelDetails channel;

    @BeforeEach
    void aClientWroteToTheTelegramBot() throws Exception {
        channel = connectTelegram(ChannelMode.WEBHOOK);
        telegramWebhook(channel, fixture("telegram_update_text.json"), webhookSecret(channel));
    }

    @Test
    void anUnchangedPhotoIsReusedAndAReplacedOneIsDeleted() {
        assertThat(profiles.refresh(10)).isEqualTo(1);
        String first = photoUrl();
        assertThat(first).startsWith("/client-photos/");

        dueAgain();
        assertThat(profiles.refresh(10)).isEqualTo(1);

        assertThat(photoUrl()).as("same bytes, same photo").isEqualTo(first);
        assertThat(count("select count(*) from channel_media where purpose = 'PHOTO'"))
                .isEqualTo(1);

        // He sets a new photo.
        byte[] newPhoto = Arrays.copyOf(FakeTelegram.PNG, FakeTelegram.PNG.length + 3);
        telegram.fileContent = newPhoto;
        dueAgain();
        assertThat(profiles.refresh(10)).isEqualTo(1);

        String second = photoUrl();
        assertThat(second).isNotEqualTo(first);
        assertThat(count("select count(*) from channel_media where purpose = 'PHOTO'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from channel_media where token = ?", token(first)))
                .as("the replaced photo is deleted")
                .isZero();
        assertThat(jdbc.sql("select content from channel_media where token = ?")
                        .param(token(second))
                        .query(byte[].class)
                        .single())
                .isEqualTo(newPhoto);
    }

    private void dueAgain() {
        jdbc.sql("update client_identity set profile_refreshed_at = null").update();
    }

    private String photoUrl() {
        return text("select client_photo_url from conversation");
    }

    private static String token(String url) {
        return url.substring("/client-photos/".length());
    }
}
