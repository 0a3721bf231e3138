package com.omnichat.customer;

import com.omnichat.channel.ClientProfile;
import com.omnichat.channel.ProfileSink;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Profiles refreshed by the channel connectors land on the identity, and on the client:
 * photo and nickname always, the name only while nobody renamed the client by hand (his
 * name still equals what the channel called him).
 */
@Component
class IdentityProfiles implements ProfileSink {

    private static final int NAME_MAX = 200;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    IdentityProfiles(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> dueForRefresh(long channelId, Instant before, int limit) {
        return jdbc.sql("""
                        select external_user_id from client_identity
                        where channel_id = ? and (profile_refreshed_at is null or profile_refreshed_at < ?)
                        order by profile_refreshed_at nulls first, id limit ?""")
                .params(channelId, Timestamp.from(before), limit)
                .query(String.class)
                .list();
    }

    @Override
    @Transactional
    public void refreshed(long channelId, ClientProfile profile) {
        String name = clip(profile.displayName().strip());
        var identity = jdbc.sql("""
                        select id, client_id, display_name from client_identity where channel_id = ? and external_user_id = ?
                        for update""")
                .params(channelId, profile.externalUserId())
                .query((rs, n) -> new Identity(rs.getLong(1), rs.getLong(2), rs.getString(3)))
                .optional();
        if (identity.isEmpty()) {
            return;
        }
        if (name.isEmpty()) {
            // The provider no longer knows him: keep what we have.
            jdbc.sql("update client_identity set profile_refreshed_at = now() where id = ?")
                    .param(identity.get().id())
                    .update();
            return;
        }
        jdbc.sql("""
                        update client_identity set display_name = ?, nickname = ?, photo_url = coalesce(?, photo_url),
                               profile_refreshed_at = now()
                        where id = ?""")
                .params(
                        name,
                        clip(profile.nickname()),
                        profile.photoUrl(),
                        identity.get().id())
                .update();
        var client = jdbc.sql("""
                        update client set name = case when name = ? then ? else name end,
                               nickname = coalesce(?, nickname), photo_url = coalesce(?, photo_url), updated_at = now()
                        where id = ? returning id, name, nickname, photo_url""")
                .params(
                        identity.get().displayName(),
                        name,
                        clip(profile.nickname()),
                        profile.photoUrl(),
                        identity.get().clientId())
                .query((rs, n) ->
                        new ClientProfileRefreshed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
        client.ifPresent(events::publishEvent);
    }

    private static String clip(String value) {
        return value == null || value.length() <= NAME_MAX ? value : value.substring(0, NAME_MAX);
    }

    private record Identity(long id, long clientId, String displayName) {}
}
