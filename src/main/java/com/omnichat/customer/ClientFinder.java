package com.omnichat.customer;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.omnichat.base.CurrentStaff;
import com.omnichat.base.StaffPrincipal;
import com.omnichat.channel.ChannelService;

/**
 * What writing first needs from the clients: find a client the user may see by name,
 * nickname, phone or e-mail, and give a client an identity on a channel that can start a
 * dialog by phone (his id there derived from his phone).
 */
@Service
@Transactional
public class ClientFinder {

    private final JdbcClient jdbc;
    private final ChannelService channels;

    ClientFinder(JdbcClient jdbc, ChannelService channels) {
        this.jdbc = jdbc;
        this.channels = channels;
    }

    /** Clients the signed-in user may see whose name, nickname, phone or e-mail contains {@code text}, by name. */
    @Transactional(readOnly = true)
    public java.util.List<ClientSummary> search(@Nullable String text, int offset, int limit) {
        StaffPrincipal user = CurrentStaff.require();
        var sql = new StringBuilder("""
                select c.id, c.name, c.nickname, c.photo_url, c.phone, c.email, c.note, c.buyer, c.version,
                       array(select i.channel_id from client_identity i where i.client_id = c.id) as channels
                from client c where c.merged_into is null""");
        Map<String, Object> params = new HashMap<>();
        if (!user.isAdministrator()) {
            Set<Long> mine = channels.accessibleChannelIds(user);
            if (mine.isEmpty()) {
                return java.util.List.of();
            }
            sql.append(" and exists (select 1 from client_identity i where i.client_id = c.id and i.channel_id = any(:mine))");
            params.put("mine", mine.toArray(Long[]::new));
        }
        String term = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (!term.isEmpty()) {
            // The expression of the trigram index client_search_idx (V6).
            sql.append(" and lower(c.name || ' ' || coalesce(c.nickname, '') || ' ' || coalesce(c.phone, '') || ' '"
                    + " || coalesce(c.email, '')) like :term escape '\\'");
            params.put("term", "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        sql.append(" order by c.name, c.id limit :limit offset :offset");
        params.put("limit", Math.clamp(limit, 1, 200));
        params.put("offset", Math.max(0, offset));
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new ClientSummary(rs.getLong("id"), rs.getString("name"), rs.getString("nickname"),
                        rs.getString("photo_url"), rs.getString("phone"), rs.getString("email"), rs.getString("note"),
                        rs.getBoolean("buyer"), Set.of((Long[]) rs.getArray("channels").getArray()),
                        rs.getLong("version")))
                .list();
    }

    /**
     * The client's identity on a channel with this external id (e.g. derived from his phone),
     * created for him when missing. When the id already belongs to another client, that
     * identity is returned: one person, one identity per channel.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public ClientIdentityRef identityFor(long clientId, long channelId, String externalUserId) {
        jdbc.sql("""
                        insert into client_identity (client_id, channel_id, external_user_id, display_name, nickname, photo_url)
                        select c.id, ?, ?, c.name, c.nickname, c.photo_url from client c where c.id = ?
                        on conflict (channel_id, external_user_id) do nothing""")
                .params(channelId, externalUserId, clientId).update();
        return jdbc.sql("""
                        select i.id, i.client_id, c.name, c.nickname, c.photo_url
                        from client_identity i join client c on c.id = i.client_id
                        where i.channel_id = ? and i.external_user_id = ?""")
                .params(channelId, externalUserId)
                .query((rs, n) -> new ClientIdentityRef(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)))
                .single();
    }
}
