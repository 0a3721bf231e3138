package com.omnichat.channel.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Files the connectors keep themselves, addressed by unguessable tokens: client photos
 * (served to signed-in staff at {@code /client-photos/{token}}, never hot-linked from the
 * provider) and outbound media a provider fetches by URL ({@code /channel-files/{token}/{name}}).
 */
@Component
public class MediaStore {

    public enum Purpose {
        PHOTO, OUTBOUND
    }

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    MediaStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the file; returns its token. */
    public String store(@Nullable Long channelId, Purpose purpose, String fileName, String contentType, byte[] content) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                        insert into channel_media (token, channel_id, purpose, file_name, content_type, content)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(token, channelId, purpose.name(), clip(fileName), contentType, content).update();
        return token;
    }

    public Optional<StoredMedia> find(String token, Purpose purpose) {
        return jdbc.sql("select file_name, content_type, content from channel_media where token = ? and purpose = ?")
                .params(token, purpose.name())
                .query((rs, n) -> new StoredMedia(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }

    /** The local URL of a stored client photo. */
    public static String photoUrl(String token) {
        return "/client-photos/" + token;
    }

    private static String clip(String name) {
        String clean = name.replaceAll("[\\\\/\\p{Cntrl}]", "_");
        return clean.length() <= 200 ? clean : clean.substring(clean.length() - 200);
    }

    public record StoredMedia(String fileName, String contentType, byte[] content) {
    }
}
