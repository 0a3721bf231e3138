package com.omnichat.channel;

import com.omnichat.base.ClusterBroadcaster;
import com.omnichat.base.CurrentStaff;
import com.omnichat.base.MenuAlert;
import com.omnichat.base.Permission;
import com.omnichat.channel.internal.ChannelTokenChanged;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells administrators when a provider rejected a channel's access token (Meta code 190):
 * a live notice in every signed-in administrator's window on every node (the event travels
 * over PostgreSQL NOTIFY), and a marker on Administration → Channels until the channel works
 * again (a successful check clears it). Only the channel's name is shown, never the token.
 */
@Component
public class ChannelTokenAlerts implements MenuAlert {

    private final JdbcClient jdbc;
    private final ClusterBroadcaster broadcaster;

    ChannelTokenAlerts(JdbcClient jdbc, ClusterBroadcaster broadcaster) {
        this.jdbc = jdbc;
        this.broadcaster = broadcaster;
    }

    @Override
    public String path() {
        return "admin/channels";
    }

    @Override
    public String labelKey() {
        return "channels.token-alert.marker";
    }

    /** The names of the channels whose token was rejected, for an administrator; empty for anyone else. */
    public List<String> rejectedChannels() {
        if (!administrator()) {
            return List.of();
        }
        return jdbc.sql("""
                        select c.name from channel_state s join channel c on c.id = s.channel_id
                        where s.token_rejected_at is not null order by c.name""").query(String.class).list();
    }

    @Override
    public boolean active() {
        return !rejectedChannels().isEmpty();
    }

    @Override
    public Runnable subscribe(Consumer<@Nullable Notice> listener) {
        if (!administrator()) {
            return () -> {};
        }
        return broadcaster.subscribe(ChannelTokenChanged.class, event -> {
            if (event.rejected()) {
                listener.accept(name(event.channelId())
                        .map(name -> new Notice("channels.token-alert.notice", List.<Object>of(name)))
                        .orElse(null));
            } else {
                listener.accept(null);
            }
        });
    }

    private Optional<String> name(long channelId) {
        return jdbc.sql("select name from channel where id = ?")
                .param(channelId)
                .query(String.class)
                .optional();
    }

    private static boolean administrator() {
        return CurrentStaff.get().map(u -> u.can(Permission.MANAGE_CHANNELS)).orElse(false);
    }
}
