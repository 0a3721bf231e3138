package com.omnichat.channel.internal;

import com.omnichat.channel.OutboundMessage;
import com.omnichat.channel.connector.ConnectedChannel;
import com.omnichat.channel.connector.DeliveryException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
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
        PHOTO,
        OUTBOUND
    }

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    MediaStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the file; returns its token. */
    public String store(
            @Nullable Long channelId, Purpose purpose, String fileName, String contentType, byte[] content) {
        String token = newToken();
        jdbc.sql("""
                        insert into channel_media (token, channel_id, purpose, file_name, content_type, content)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(token, channelId, purpose.name(), clip(fileName), contentType, content)
                .update();
        return token;
    }

    /**
     * Stores an outbound file for a provider that fetches media by URL and returns its public,
     * unguessable address under {@code publicUrl}. {@code fetchedBy} ends the failure text when no
     * public URL is configured, e.g. "Viber downloads them by URL".
     */
    public String publish(
            String publicUrl, ConnectedChannel channel, OutboundMessage.OutboundFile file, String fetchedBy)
            throws DeliveryException {
        if (publicUrl.isBlank()) {
            throw DeliveryException.permanent("Files need OMNICHAT_PUBLIC_URL (" + fetchedBy + ")");
        }
        String token = store(channel.id(), Purpose.OUTBOUND, file.fileName(), file.contentType(), file.content());
        return publicUrl + "/channel-files/" + token + "/"
                + URLEncoder.encode(file.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Stores a client's photo, or reuses his current one when the bytes did not change (the
     * same URL, so browsers keep their cached copy); a photo it replaces is deleted. Runs in
     * the caller's transaction, the one that points the profile at the returned token.
     */
    public String storePhoto(long channelId, String ownerUserId, String fileName, String contentType, byte[] content) {
        String hash = sha256(content);
        String token = jdbc.sql("""
                        select token from channel_media
                        where purpose = 'PHOTO' and channel_id = ? and owner_user_id = ? and content_sha256 = ?
                        order by id desc limit 1""")
                .params(channelId, ownerUserId, hash)
                .query(String.class)
                .optional()
                .orElse(null);
        if (token == null) {
            token = newToken();
            jdbc.sql("""
                            insert into channel_media (token, channel_id, purpose, file_name, content_type, content,
                                                       owner_user_id, content_sha256)
                            values (?, ?, 'PHOTO', ?, ?, ?, ?, ?)""")
                    .params(token, channelId, clip(fileName), contentType, content, ownerUserId, hash)
                    .update();
        }
        jdbc.sql("""
                        delete from channel_media
                        where purpose = 'PHOTO' and channel_id = ? and owner_user_id = ? and token <> ?""").params(channelId, ownerUserId, token).update();
        return token;
    }

    public Optional<StoredMedia> find(String token, Purpose purpose) {
        return jdbc.sql("select file_name, content_type, content from channel_media where token = ? and purpose = ?")
                .params(token, purpose.name())
                .query((rs, n) -> new StoredMedia(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .optional();
    }

    /** The local URL of a stored client photo. */
    public static String photoUrl(String token) {
        return "/client-photos/" + token;
    }

    private String newToken() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String clip(String name) {
        String clean = name.replaceAll("[\\\\/\\p{Cntrl}]", "_");
        return clean.length() <= 200 ? clean : clean.substring(clean.length() - 200);
    }

    public record StoredMedia(String fileName, String contentType, byte[] content) {}
}
