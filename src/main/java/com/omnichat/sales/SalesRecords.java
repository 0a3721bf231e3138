package com.omnichat.sales;

import com.omnichat.base.NotFoundException;
import com.omnichat.base.Sql;
import com.omnichat.base.UserFacingException;
import com.omnichat.base.Where;
import com.omnichat.customer.ClientPredicates;
import com.omnichat.customer.ClientService;
import com.omnichat.user.StaffMember;
import com.omnichat.user.UserService;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What orders and requests are read alike by: a table aliased {@code alias} with number,
 * client_id, responsible_id and channel_id, seen through {@link SalesAccess}, listed newest
 * first, searched by number or client, and shown with their client's and manager's names
 * (asked of their modules for a whole page at once).
 */
final class SalesRecords<T extends SalesRecord> {

    /** A row with the names filled in. */
    interface Namer<T> {
        T named(T row, String clientName, @Nullable String responsibleName);
    }

    private final JdbcClient jdbc;
    private final SalesAccess access;
    private final ClientService clients;
    private final UserService users;
    private final String alias;
    private final String from;
    private final String select;
    private final RowMapper<T> mapper;
    private final Namer<T> namer;
    private final String kind;

    /**
     * {@code from} names the table (and its joins within this module), {@code columns} what
     * {@code mapper} reads, {@code kind} what a missing one is called ("Order 5 not found").
     */
    SalesRecords(
            JdbcClient jdbc,
            SalesAccess access,
            ClientService clients,
            UserService users,
            String alias,
            String from,
            String columns,
            RowMapper<T> mapper,
            Namer<T> namer,
            String kind) {
        this.jdbc = jdbc;
        this.access = access;
        this.clients = clients;
        this.users = users;
        this.alias = alias;
        this.from = from;
        this.select = "select " + columns + " " + from;
        this.mapper = mapper;
        this.namer = namer;
        this.kind = kind;
    }

    /** The access predicate, to add the filter's to. */
    Where visible() {
        var scope = access.scope();
        var where = new Where().add(scope.predicate(alias));
        scope.bind(where.params());
        return where;
    }

    /**
     * {@link #visible} with the list filter's common parts: the responsible manager and the
     * search, which finds the number ("1002", "#1002"), the client, or {@code alsoSearched}
     * (a predicate on the parameter {@code :search}), when given.
     */
    Where filtered(@Nullable Long responsible, @Nullable String search, @Nullable String alsoSearched) {
        Where where = visible();
        if (responsible != null) {
            where.add(alias + ".responsible_id = :responsible", "responsible", responsible);
        }
        String term = search == null ? "" : search.strip();
        if (!term.isEmpty()) {
            where.param("search", Sql.containsIgnoringCase(term));
            where.param("number", Objects.requireNonNullElse(Checks.numberIn(term), -1L));
            where.add("(" + (alsoSearched == null ? "" : alsoSearched + " or ") + alias + ".number = :number or "
                    + ClientPredicates.matches(alias + ".client_id", "search") + ")");
        }
        return where;
    }

    /** A page, newest first. */
    List<T> page(Where where, int offset, int limit, int maxPage) {
        where.param("limit", Math.min(Math.max(limit, 0), maxPage)).param("offset", Math.max(offset, 0));
        return list(where, " order by " + alias + ".id desc limit :limit offset :offset");
    }

    int count(Where where) {
        return jdbc.sql("select count(*) " + from + " where " + where.sql())
                .params(where.params())
                .query(Integer.class)
                .single();
    }

    /** The client's rows matching {@code predicate}, newest first (the card). */
    List<T> ofClient(long client, String predicate) {
        Where where =
                visible().add(alias + ".client_id = :client", "client", client).add(predicate);
        return list(where, " order by " + alias + ".id desc limit 100");
    }

    /** One row the user may see (locked for a change), or not found. */
    T load(long id, boolean forUpdate) {
        Where where = visible().add(alias + ".id = :id", "id", id);
        return jdbc.sql(select + " where " + where.sql() + (forUpdate ? " for update of " + alias : ""))
                .params(where.params())
                .query(mapper)
                .optional()
                .map(row -> named(List.of(row)).getFirst())
                .orElseThrow(() -> new NotFoundException(kind + " " + id));
    }

    /**
     * The row to save over, locked, when it is still at the {@code version} the form was
     * opened with; else {@code changedKey} says someone else saved in between.
     */
    T unchanged(long id, long version, String changedKey) {
        T current = load(id, true);
        if (current.version() != version) {
            throw new UserFacingException(changedKey, String.valueOf(current.number()));
        }
        return current;
    }

    /** The next number from the {@code sequence}. */
    long nextNumber(String sequence) {
        return jdbc.sql("select nextval('" + sequence + "')").query(Long.class).single();
    }

    /** Free text as stored: stripped, and null when blank. */
    static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private List<T> list(Where where, String order) {
        return named(jdbc.sql(select + " where " + where.sql() + order)
                .params(where.params())
                .query(mapper)
                .list());
    }

    private List<T> named(List<T> rows) {
        Map<Long, String> clientNames = clients.namesOf(
                rows.stream().map(SalesRecord::clientId).distinct().toList());
        Map<Long, StaffMember> staff = users.directory(rows.stream()
                .map(SalesRecord::responsibleId)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        return rows.stream()
                .map(row -> {
                    Long responsible = row.responsibleId();
                    StaffMember member = responsible == null ? null : staff.get(responsible);
                    return namer.named(
                            row,
                            clientNames.getOrDefault(row.clientId(), "—"),
                            responsible == null ? null : member == null ? "—" : member.fullName());
                })
                .toList();
    }
}
