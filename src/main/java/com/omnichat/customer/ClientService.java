package com.omnichat.customer;

import com.omnichat.base.CurrentStaff;
import com.omnichat.base.NotFoundException;
import com.omnichat.base.Permission;
import com.omnichat.base.Sql;
import com.omnichat.base.StaffPrincipal;
import com.omnichat.base.Where;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.channel.ChannelService;
import com.omnichat.channel.ClientProfile;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clients (leads and buyers) and their identities on channels: reading, with the access
 * rule, and resolving who wrote. Card changes are {@link ClientCardService}'s.
 */
@Service
@Transactional
public class ClientService {

    private static final int NAME_MAX = 200;

    private final JdbcClient jdbc;
    private final ChannelService channels;
    private final ProviderVerifiedPhones verifiedPhones;
    private final ClientIdentities identities;

    ClientService(
            JdbcClient jdbc,
            ChannelService channels,
            ProviderVerifiedPhones verifiedPhones,
            ClientIdentities identities) {
        this.jdbc = jdbc;
        this.channels = channels;
        this.verifiedPhones = verifiedPhones;
        this.identities = identities;
    }

    /** The columns of {@link ClientSummary}, for {@code from client c}. */
    static final String SUMMARY_COLUMNS = """
            c.id, c.name, c.nickname, c.photo_url, c.phone, c.email, c.note, c.buyer, c.version,
            c.phone_verified, c.email_verified,
            array(select i.channel_id from client_identity i where i.client_id = c.id order by i.id) as channels""";

    /**
     * The client, if the signed-in user may see him: administrators see everyone, a manager
     * the clients with an identity on one of his channels. Others are not found.
     */
    @Transactional(readOnly = true)
    public ClientSummary summary(long clientId) {
        var client = load(clientId).orElseThrow(() -> new NotFoundException("Client " + clientId));
        if (!canSee(CurrentStaff.require(), client)) {
            throw new NotFoundException("Client " + clientId);
        }
        return client;
    }

    /**
     * The client as he is now: a lead linked to a buyer has become that buyer (a card or link
     * still holding the lead's id follows him). Access as {@link #summary}.
     */
    @Transactional(readOnly = true)
    public ClientSummary current(long clientId) {
        long id = jdbc.sql("select coalesce(merged_into, id) from client where id = ?")
                .param(clientId)
                .query(Long.class)
                .optional()
                .orElse(clientId);
        return summary(id);
    }

    /** The clients' names by id, for other modules' lists (no access check: callers filter rows first). */
    @Transactional(readOnly = true)
    public Map<Long, String> namesOf(Collection<Long> clientIds) {
        if (clientIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("select id, name from client where id = any(?)")
                .param(clientIds.stream().distinct().toArray(Long[]::new))
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Whether the user may see this client (see {@link #summary}). */
    public boolean canSee(StaffPrincipal user, ClientSummary client) {
        if (user.can(Permission.SEE_ALL_CLIENTS)) {
            return true;
        }
        Set<Long> mine = channels.accessibleChannelIds(user);
        return client.channelIds().stream().anyMatch(mine::contains);
    }

    /** The client's identities on channels (for the card), oldest first; access as {@link #summary}. */
    @Transactional(readOnly = true)
    public List<ClientIdentity> identities(long clientId) {
        summary(clientId);
        var rows = jdbc.sql("""
                        select id, channel_id, display_name, nickname from client_identity
                        where client_id = ? order by id""")
                .param(clientId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)})
                .list();
        Map<Long, ChannelInfo> info =
                channels.byIds(rows.stream().map(r -> (Long) r[1]).distinct().toList());
        return rows.stream()
                .filter(r -> info.containsKey((Long) r[1]))
                .map(r -> new ClientIdentity((Long) r[0], info.get((Long) r[1]), (String) r[2], (String) r[3]))
                .toList();
    }

    /**
     * A page of the Clients section: the clients the user may see (buyers, or leads too), by
     * name then id (a stable order the partial indexes of V7 serve), {@code limit} from
     * {@code offset}.
     */
    @Transactional(readOnly = true)
    public List<ClientSummary> list(ClientListFilter filter, int offset, int limit) {
        return find(filter.search(), !filter.includeLeads(), Math.max(0, offset), Math.clamp(limit, 1, 500), BY_NAME);
    }

    /** The first clients (or buyers) the user may see, oldest first (demo data). */
    @Transactional(readOnly = true)
    public List<ClientSummary> oldest(boolean buyersOnly, int limit) {
        return find("", buyersOnly, 0, Math.clamp(limit, 1, 100), "c.id");
    }

    /** Buyers the user may see whose name, nickname, phone or e-mail contains {@code query}, by name. */
    @Transactional(readOnly = true)
    public List<ClientSummary> searchBuyers(String query, int limit) {
        return find(query == null ? "" : query.strip(), true, 0, Math.clamp(limit, 1, 100), BY_NAME);
    }

    private static final String BY_NAME = "c.name, c.id";

    private List<ClientSummary> find(String search, boolean buyersOnly, int offset, int limit, String order) {
        StaffPrincipal user = CurrentStaff.require();
        var where = new Where().add("c.merged_into is null");
        if (buyersOnly) {
            where.add("c.buyer");
        }
        if (!user.can(Permission.SEE_ALL_CLIENTS)) {
            Set<Long> mine = channels.accessibleChannelIds(user);
            if (mine.isEmpty()) {
                return List.of();
            }
            where.add(ClientPredicates.reachableThrough("c.id", "channels"), "channels", mine.toArray(Long[]::new));
        }
        String term = searchTerm(search);
        if (!term.isEmpty()) {
            where.add(ClientPredicates.matchesRow("search"), "search", Sql.contains(term));
        }
        where.param("limit", limit).param("offset", offset);
        return jdbc.sql("select " + SUMMARY_COLUMNS + " from client c where " + where.sql() + " order by " + order
                        + " limit :limit offset :offset")
                .params(where.params())
                .query(ClientService::summaryRow)
                .list();
    }

    /**
     * What to look for: lower-cased, "@nick" as "nick", and a phone as typed ("067 123-45")
     * as its digits, which stored E.164 numbers contain.
     */
    static String searchTerm(String search) {
        String term = search.strip().toLowerCase(Locale.ROOT);
        if (term.startsWith("@")) {
            term = term.substring(1);
        }
        String digits = term.replaceAll("\\D", "");
        if (digits.length() >= 3 && term.matches("[+0-9 ()\\-.]+")) {
            return digits;
        }
        return term;
    }

    /** The client as stored, merged leads excepted, without an access check (callers check). */
    Optional<ClientSummary> load(long clientId) {
        return jdbc.sql("select " + SUMMARY_COLUMNS + " from client c where c.id = ? and c.merged_into is null")
                .param(clientId)
                .query(ClientService::summaryRow)
                .optional();
    }

    static ClientSummary summaryRow(ResultSet rs, int n) throws SQLException {
        return new ClientSummary(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("nickname"),
                rs.getString("photo_url"),
                rs.getString("phone"),
                rs.getString("email"),
                rs.getString("note"),
                rs.getBoolean("buyer"),
                channelIds(rs.getArray("channels")),
                rs.getLong("version"),
                rs.getBoolean("phone_verified"),
                rs.getBoolean("email_verified"));
    }

    private static Set<Long> channelIds(java.sql.Array array) throws SQLException {
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
            keepProviderUserId(existing.identityId(), profile.providerUserId());
            return existing;
        }
        var holder = profile.verifiedPhone() == null ? null : verifiedPhones.holder(profile.verifiedPhone());
        if (holder != null && holder.verified()) {
            // The provider proves the number and staff verified the card's: the same person.
            jdbc.sql("""
                            insert into client_identity (client_id, channel_id, external_user_id, display_name, nickname,
                                                         photo_url, provider_user_id)
                            values (?, ?, ?, ?, ?, ?, ?) on conflict (channel_id, external_user_id) do nothing""")
                    .params(
                            holder.clientId(),
                            channelId,
                            profile.externalUserId(),
                            displayName(profile),
                            clip(profile.nickname()),
                            profile.photoUrl(),
                            clip(profile.providerUserId()))
                    .update();
            return Objects.requireNonNull(find(channelId, profile.externalUserId()));
        }
        String name = displayName(profile);
        Long clientId = jdbc.sql("insert into client (name, nickname, photo_url) values (?, ?, ?) returning id")
                .params(name, clip(profile.nickname()), profile.photoUrl())
                .query(Long.class)
                .single();
        int inserted = jdbc.sql("""
                        insert into client_identity (client_id, channel_id, external_user_id, display_name, nickname, photo_url,
                                                     provider_user_id)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict (channel_id, external_user_id) do nothing""")
                .params(
                        clientId,
                        channelId,
                        profile.externalUserId(),
                        name,
                        clip(profile.nickname()),
                        profile.photoUrl(),
                        clip(profile.providerUserId()))
                .update();
        if (inserted == 0) {
            // Another delivery created the identity first: drop our lead, use theirs.
            jdbc.sql("delete from client where id = ?").param(clientId).update();
        } else if (holder != null) {
            // The card's phone was typed, never checked: not linked, an administrator decides.
            verifiedPhones.flag(clientId, holder, Objects.requireNonNull(profile.verifiedPhone()));
        }
        var resolved = find(channelId, profile.externalUserId());
        if (resolved == null) {
            throw new IllegalStateException("Identity vanished for channel " + channelId);
        }
        return resolved;
    }

    /** The provider's second id (WhatsApp's business-scoped user id) follows what it sends last. */
    private void keepProviderUserId(long identityId, @Nullable String providerUserId) {
        if (providerUserId != null) {
            jdbc.sql(
                            "update client_identity set provider_user_id = ? where id = ? and provider_user_id is distinct from ?")
                    .params(clip(providerUserId), identityId, clip(providerUserId))
                    .update();
        }
    }

    private @Nullable ClientIdentityRef find(long channelId, String externalUserId) {
        return identities.find(channelId, externalUserId).orElse(null);
    }

    private static String displayName(ClientProfile profile) {
        String name = profile.displayName().strip();
        if (name.isEmpty()) {
            name = profile.nickname() != null && !profile.nickname().isBlank()
                    ? profile.nickname().strip()
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
