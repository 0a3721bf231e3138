package com.omnichat.customer;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.omnichat.base.CurrentStaff;
import com.omnichat.base.NotFoundException;
import com.omnichat.base.StaffPrincipal;
import com.omnichat.channel.ChannelService;
import com.omnichat.channel.ClientProfile;

/** Clients (leads) and their identities on channels. */
@Service
@Transactional
public class ClientService {

    private static final int NAME_MAX = 200;

    private final JdbcClient jdbc;
    private final ChannelService channels;

    ClientService(JdbcClient jdbc, ChannelService channels) {
        this.jdbc = jdbc;
        this.channels = channels;
    }

    /**
     * The client, if the signed-in user may see him: administrators see everyone, a manager
     * the clients with an identity on one of his channels. Others are not found.
     */
    @Transactional(readOnly = true)
    public ClientSummary summary(long clientId) {
        var client = jdbc.sql("""
                        select c.id, c.name, c.nickname, c.photo_url, c.phone, c.email, c.note, c.buyer, c.version,
                               array(select i.channel_id from client_identity i where i.client_id = c.id) as channels
                        from client c where c.id = ? and c.merged_into is null""")
                .param(clientId)
                .query((rs, n) -> new ClientSummary(rs.getLong("id"), rs.getString("name"), rs.getString("nickname"),
                        rs.getString("photo_url"), rs.getString("phone"), rs.getString("email"), rs.getString("note"),
                        rs.getBoolean("buyer"), channelIds(rs.getArray("channels")), rs.getLong("version")))
                .optional()
                .orElseThrow(() -> new NotFoundException("Client " + clientId));
        if (!canSee(CurrentStaff.require(), client)) {
            throw new NotFoundException("Client " + clientId);
        }
        return client;
    }

    /** Whether the user may see this client (see {@link #summary}). */
    public boolean canSee(StaffPrincipal user, ClientSummary client) {
        if (user.isAdministrator()) {
            return true;
        }
        Set<Long> mine = channels.accessibleChannelIds(user);
        return client.channelIds().stream().anyMatch(mine::contains);
    }

    private static Set<Long> channelIds(java.sql.Array array) throws java.sql.SQLException {
        return Arrays.stream((Long[]) array.getArray()).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Finds the client behind a channel identity, creating the lead and the identity the
     * first time. Safe under concurrent first messages: the unique (channel, user id)
     * decides, the loser reads the winner's row.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public ClientIdentityRef resolve(long channelId, ClientProfile profile) {
        var existing = find(channelId, profile.externalUserId());
        if (existing != null) {
            return existing;
        }
        String name = displayName(profile);
        Long clientId = jdbc.sql("insert into client (name, nickname, photo_url) values (?, ?, ?) returning id")
                .params(name, clip(profile.nickname()), profile.photoUrl())
                .query(Long.class).single();
        int inserted = jdbc.sql("""
                        insert into client_identity (client_id, channel_id, external_user_id, display_name, nickname, photo_url)
                        values (?, ?, ?, ?, ?, ?) on conflict (channel_id, external_user_id) do nothing""")
                .params(clientId, channelId, profile.externalUserId(), name, clip(profile.nickname()), profile.photoUrl())
                .update();
        if (inserted == 0) {
            // Another delivery created the identity first: drop our lead, use theirs.
            jdbc.sql("delete from client where id = ?").param(clientId).update();
        }
        var resolved = find(channelId, profile.externalUserId());
        if (resolved == null) {
            throw new IllegalStateException("Identity vanished for channel " + channelId);
        }
        return resolved;
    }

    private @Nullable ClientIdentityRef find(long channelId, String externalUserId) {
        return jdbc.sql("""
                        select i.id, i.client_id, c.name, c.nickname, c.photo_url
                        from client_identity i join client c on c.id = i.client_id
                        where i.channel_id = ? and i.external_user_id = ?""")
                .params(channelId, externalUserId)
                .query((rs, n) -> new ClientIdentityRef(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)))
                .optional().orElse(null);
    }

    private static String displayName(ClientProfile profile) {
        String name = profile.displayName().strip();
        if (name.isEmpty()) {
            name = profile.nickname() != null && !profile.nickname().isBlank() ? profile.nickname().strip()
                    : profile.externalUserId();
        }
        return name.length() <= NAME_MAX ? name : name.substring(0, NAME_MAX);
    }

    private static @Nullable String clip(@Nullable String value) {
        if (value == null) {
            return null;
        }
        return value.length() <= NAME_MAX ? value : value.substring(0, NAME_MAX);
    }
}
