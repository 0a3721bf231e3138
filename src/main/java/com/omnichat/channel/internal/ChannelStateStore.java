package com.omnichat.channel.internal;

import com.omnichat.base.ClusterBroadcaster;
import com.omnichat.channel.ChannelDetails;
import com.omnichat.channel.connector.ProviderErrors;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Run-time facts about a channel (polling offset and time, last error, webhook registration). */
@Component
public class ChannelStateStore {

    private final JdbcClient jdbc;
    private final ClusterBroadcaster broadcaster;

    ChannelStateStore(JdbcClient jdbc, ClusterBroadcaster broadcaster) {
        this.jdbc = jdbc;
        this.broadcaster = broadcaster;
    }

    /**
     * The provider rejected the token: the error as for {@link #error}, and the first time
     * (until the channel works again) every node hears of it to tell the administrators.
     */
    public void tokenRejected(long channelId, String error) {
        Boolean fresh = jdbc.sql("""
                        with before as (select token_rejected_at from channel_state where channel_id = :id)
                        insert into channel_state (channel_id, last_error, last_error_at, token_rejected_at)
                        select id, :error, now(), now() from channel where id = :id
                        on conflict (channel_id) do update set last_error = excluded.last_error,
                            last_error_at = excluded.last_error_at,
                            token_rejected_at = coalesce(channel_state.token_rejected_at, excluded.token_rejected_at)
                        returning (select token_rejected_at from before) is null""")
                .param("id", channelId)
                .param("error", clip(error))
                .query(Boolean.class)
                .optional()
                .orElse(false);
        if (fresh) {
            broadcaster.publish(new ChannelTokenChanged(channelId, true));
        }
    }

    /** The channel works again (a successful check or registration): the token marker goes. */
    private void tokenWorks(long channelId) {
        if (jdbc.sql(
                                "update channel_state set token_rejected_at = null where channel_id = ? and token_rejected_at is not null")
                        .param(channelId)
                        .update()
                > 0) {
            broadcaster.publish(new ChannelTokenChanged(channelId, false));
        }
    }

    public void error(long channelId, @Nullable String error) {
        if (error == null) {
            tokenWorks(channelId);
        }
        jdbc.sql("""
                        insert into channel_state (channel_id, last_error, last_error_at)
                        select id, ?, now() from channel where id = ?
                        on conflict (channel_id) do update set last_error = excluded.last_error,
                            last_error_at = case when excluded.last_error is null then channel_state.last_error_at
                                                 else excluded.last_error_at end""").params(error == null ? null : clip(error), channelId).update();
    }

    public void webhookRegistered(long channelId, String url) {
        tokenWorks(channelId);
        jdbc.sql("""
                        insert into channel_state (channel_id, webhook_url, webhook_registered_at) values (?, ?, now())
                        on conflict (channel_id) do update set webhook_url = excluded.webhook_url,
                            webhook_registered_at = excluded.webhook_registered_at, last_error = null""").params(channelId, url).update();
    }

    /** The stored polling cursor. */
    public Optional<Long> pollOffset(long channelId) {
        return jdbc.sql("select poll_offset from channel_state where channel_id = ?")
                .param(channelId)
                .query((rs, n) -> {
                    long offset = rs.getLong(1);
                    return rs.wasNull() ? null : offset;
                })
                .optional();
    }

    /** Advances the cursor (never backwards) and records a successful poll. */
    public void polled(long channelId, @Nullable Long nextOffset) {
        jdbc.sql("""
                        insert into channel_state (channel_id, poll_offset, last_poll_at, last_error) values (?, ?, now(), null)
                        on conflict (channel_id) do update set
                            poll_offset = greatest(coalesce(channel_state.poll_offset, excluded.poll_offset), excluded.poll_offset),
                            last_poll_at = now(), last_error = null""").params(channelId, nextOffset).update();
    }

    public ChannelDetails.Runtime runtime(long channelId) {
        return jdbc.sql("""
                        select s.last_poll_at, s.last_error, s.last_error_at, s.webhook_url, s.webhook_registered_at,
                               s.throttled_until,
                               (select count(*) from inbound_event e where e.channel_id = ? and e.status = 'FAILED'),
                               (select count(*) from outbound_message o where o.channel_id = ? and o.status in ('QUEUED', 'SENDING'))
                        from (select ?::bigint as id) c left join channel_state s on s.channel_id = c.id""")
                .params(channelId, channelId, channelId)
                .query((rs, n) -> new ChannelDetails.Runtime(
                        instant(rs.getTimestamp(1)),
                        rs.getString(2),
                        instant(rs.getTimestamp(3)),
                        rs.getString(4),
                        instant(rs.getTimestamp(5)),
                        instant(rs.getTimestamp(6)),
                        rs.getLong(7),
                        rs.getLong(8)))
                .single();
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String clip(String text) {
        // Redacted once more where it is stored: the last line of defence for the bot token.
        text = ProviderErrors.redact(text);
        return text.length() <= 2000 ? text : text.substring(0, 2000);
    }
}
