package com.omnichat.sales;

import com.omnichat.base.Drafts;
import com.omnichat.base.StaffPrincipal;
import com.omnichat.base.Where;
import com.omnichat.customer.ClientService;
import com.omnichat.customer.ClientSummary;
import com.omnichat.user.UserService;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests (deals): created from a client's card (lead or buyer), moved along the
 * pipeline, listed in the Requests section. Every method applies {@link SalesAccess};
 * a request the user may not see is not found.
 */
@Service
@Transactional
@PreAuthorize("isAuthenticated()")
public class RequestService {

    public static final int MAX_TITLE = 200;
    public static final int MAX_COMMENT = 4000;
    public static final int MAX_PAGE = 500;

    private static final String COLUMNS = """
            r.id, r.number, r.title, s.id as stage_id, s.code, s.name as stage_name, s.position, s.outcome,
            r.amount, r.responsible_id, r.client_id, r.conversation_id, r.channel_id, r.comment, r.created_at,
            r.updated_at, r.version""";
    private static final String ACTIVE = "s.outcome = 'OPEN'";

    private final JdbcClient jdbc;
    private final SalesAccess access;
    private final StageCatalog stages;
    private final SalesParties parties;
    private final ApplicationEventPublisher events;
    private final SalesRecords<SalesRequest> requests;

    RequestService(
            JdbcClient jdbc,
            SalesAccess access,
            StageCatalog stages,
            SalesParties parties,
            ClientService clients,
            UserService users,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.stages = stages;
        this.parties = parties;
        this.events = events;
        this.requests = new SalesRecords<>(
                jdbc,
                access,
                clients,
                users,
                "r",
                "from sales_request r join request_stage s on s.id = r.stage_id",
                COLUMNS,
                RequestService::row,
                RequestService::named,
                "Request");
    }

    /** The pipeline, in order. */
    public List<RequestStage> stages() {
        return stages.all();
    }

    /** A page of the Requests section, newest first. */
    @Transactional(readOnly = true)
    public List<SalesRequest> list(RequestFilter filter, int offset, int limit) {
        return requests.page(where(filter), offset, limit, MAX_PAGE);
    }

    @Transactional(readOnly = true)
    public int count(RequestFilter filter) {
        return requests.count(where(filter));
    }

    @Transactional(readOnly = true)
    public SalesRequest get(long id) {
        return requests.load(id, false);
    }

    /** The client's requests still being worked on, newest first (the card). */
    @Transactional(readOnly = true)
    public List<SalesRequest> activeOf(long clientId) {
        parties.client(clientId);
        return requests.ofClient(clientId, ACTIVE);
    }

    /**
     * Creates a request for a client the user can see, from one of that client's chats
     * ({@code conversationId}) or from his card elsewhere. "Request #N created" goes into the chat.
     */
    public SalesRequest create(long clientId, @Nullable Long conversationId, RequestDraft draft) {
        StaffPrincipal user = access.scope().user();
        ClientSummary client = parties.client(clientId);
        SalesParties.Source source = parties.source(user, client, conversationId, draft.channelId());
        Valid valid = validate(draft);
        long number = requests.nextNumber("request_number_seq");
        long id = jdbc.sql("""
                        insert into sales_request (number, title, stage_id, amount, responsible_id, client_id,
                                                   conversation_id, channel_id, comment)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        number,
                        valid.title(),
                        valid.stage().id(),
                        valid.amount(),
                        draft.responsibleId(),
                        clientId,
                        source.conversationId(),
                        source.channelId(),
                        valid.comment())
                .query(Long.class)
                .single();
        events.publishEvent(new RequestCreated(
                id, number, clientId, source.conversationId(), source.channelId(), user.id(), user.fullName()));
        return get(id);
    }

    /**
     * Saves the form over the version it was opened with; when someone else saved in between,
     * says so instead of overwriting his changes.
     */
    public SalesRequest update(long id, RequestDraft draft, long version) {
        StaffPrincipal user = access.scope().user();
        SalesRequest current = requests.unchanged(id, version, "request.error.changed");
        Valid valid = validate(draft);
        Long channelId = current.channelId();
        // The source channel follows the chat it came from; without a chat the form may set it.
        if (current.conversationId() == null && !Objects.equals(channelId, draft.channelId())) {
            channelId = parties.source(user, parties.client(current.clientId()), null, draft.channelId())
                    .channelId();
        }
        jdbc.sql("""
                        update sales_request set title = ?, stage_id = ?, amount = ?, responsible_id = ?, comment = ?,
                               channel_id = ?, updated_at = now(), version = version + 1
                        where id = ? and version = ?""")
                .params(
                        valid.title(),
                        valid.stage().id(),
                        valid.amount(),
                        draft.responsibleId(),
                        valid.comment(),
                        channelId,
                        id,
                        version)
                .update();
        events.publishEvent(SalesChanged.of(current));
        return get(id);
    }

    // ---- rules ----

    private Valid validate(RequestDraft draft) {
        Drafts.valid(draft);
        String title = Objects.requireNonNull(draft.title()).strip();
        BigDecimal amount = draft.amount();
        RequestStage stage = draft.stageId() == null ? stages.first() : stages.byId(draft.stageId());
        parties.checkResponsible(draft.responsibleId());
        String comment = SalesRecords.blankToNull(draft.comment());
        return new Valid(title, stage, amount, comment);
    }

    private record Valid(
            String title,
            RequestStage stage,
            @Nullable BigDecimal amount,
            @Nullable String comment) {}

    private Where where(RequestFilter filter) {
        Where where =
                requests.filtered(filter.responsibleId(), filter.search(), "lower(r.title) like :search escape '\\'");
        if (filter.stageId() != null) {
            where.add("r.stage_id = :stage", "stage", filter.stageId());
        } else if (filter.activeOnly()) {
            where.add(ACTIVE);
        }
        return where;
    }

    private static SalesRequest named(SalesRequest r, String clientName, @Nullable String responsibleName) {
        return new SalesRequest(
                r.id(),
                r.number(),
                r.title(),
                r.stage(),
                r.amount(),
                r.responsibleId(),
                responsibleName,
                r.clientId(),
                clientName,
                r.conversationId(),
                r.channelId(),
                r.comment(),
                r.createdAt(),
                r.updatedAt(),
                r.version());
    }

    private static SalesRequest row(ResultSet rs, int n) throws SQLException {
        var stage = new RequestStage(
                rs.getLong("stage_id"),
                rs.getString("code"),
                rs.getString("stage_name"),
                rs.getInt("position"),
                StageOutcome.valueOf(rs.getString("outcome")));
        return new SalesRequest(
                rs.getLong("id"),
                rs.getLong("number"),
                rs.getString("title"),
                stage,
                rs.getBigDecimal("amount"),
                SalesParties.nullableLong(rs, "responsible_id"),
                null,
                rs.getLong("client_id"),
                "",
                SalesParties.nullableLong(rs, "conversation_id"),
                SalesParties.nullableLong(rs, "channel_id"),
                rs.getString("comment"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getLong("version"));
    }
}
