package com.omnichat.sales;

import com.omnichat.base.Drafts;
import com.omnichat.base.StaffPrincipal;
import com.omnichat.base.UserFacingException;
import com.omnichat.base.Where;
import com.omnichat.customer.ClientService;
import com.omnichat.customer.ClientSummary;
import com.omnichat.user.UserService;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders of buyers: created from the buyer's card, edited in the order form, listed in the
 * Orders section. The total is always computed here from the lines ({@link Money}); the form's
 * figure is only a preview. Every method applies {@link SalesAccess}.
 */
@Service
@Transactional
@PreAuthorize("isAuthenticated()")
public class OrderService {

    public static final int MAX_LINES = 100;
    public static final int MAX_DESCRIPTION = 200;
    public static final int MAX_ADDRESS = 500;
    public static final int MAX_COMMENT = 4000;
    public static final int MAX_PAGE = 500;

    private static final String COLUMNS = """
            o.id, o.number, o.client_id, o.status, o.delivery_method, o.delivery_address, o.payment_method, o.paid,
            o.comment, o.responsible_id, o.conversation_id, o.channel_id, o.total, o.created_at, o.updated_at,
            o.version""";
    private static final String ACTIVE = "o.status in ('NEW', 'CONFIRMED', 'SHIPPED')";

    private final JdbcClient jdbc;
    private final SalesAccess access;
    private final SalesParties parties;
    private final ApplicationEventPublisher events;
    private final SalesRecords<SalesOrder> orders;

    OrderService(
            JdbcClient jdbc,
            SalesAccess access,
            SalesParties parties,
            ClientService clients,
            UserService users,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.parties = parties;
        this.events = events;
        this.orders = new SalesRecords<>(
                jdbc,
                access,
                clients,
                users,
                "o",
                "from sales_order o",
                COLUMNS,
                OrderService::row,
                OrderService::named,
                "Order");
    }

    // ---- reading ----

    /** A page of the Orders section, newest first (rows without lines). */
    @Transactional(readOnly = true)
    public List<SalesOrder> list(OrderFilter filter, int offset, int limit) {
        return orders.page(where(filter), offset, limit, MAX_PAGE);
    }

    @Transactional(readOnly = true)
    public int count(OrderFilter filter) {
        return orders.count(where(filter));
    }

    /** The order with its lines. */
    @Transactional(readOnly = true)
    public SalesOrder get(long id) {
        return withLines(orders.load(id, false));
    }

    /** The buyer's orders still being worked on, newest first (the card). */
    @Transactional(readOnly = true)
    public List<SalesOrder> activeOf(long clientId) {
        parties.client(clientId);
        return orders.ofClient(clientId, ACTIVE);
    }

    /** What the buyer bought before: his delivered orders (see {@link PastOrders}). */
    @Transactional(readOnly = true)
    public PastOrders pastOf(long clientId) {
        parties.client(clientId);
        return jdbc.sql(
                        "select count(*), coalesce(sum(total), 0) from sales_order where client_id = ? and status = 'DELIVERED'")
                .param(clientId)
                .query((rs, n) ->
                        new PastOrders(rs.getInt(1), rs.getBigDecimal(2).setScale(Money.SCALE)))
                .single();
    }

    /**
     * The number of the client's latest active order, for the {@code {order_number}} variable
     * of quick replies; null when he has none or the user may not see him.
     */
    @Transactional(readOnly = true)
    public @Nullable String latestActiveNumber(long clientId) {
        // The access predicate, not the client check: a quick reply must never fail over this.
        Where where = orders.visible()
                .add("o.client_id = :client", "client", clientId)
                .add(ACTIVE);
        return jdbc.sql("select o.number from sales_order o where " + where.sql()
                        + " order by o.created_at desc, o.id desc limit 1")
                .params(where.params())
                .query(Long.class)
                .optional()
                .map(String::valueOf)
                .orElse(null);
    }

    // ---- changing ----

    /**
     * Creates an order for a buyer (never for a lead: save him as a buyer first), from one
     * of his chats or from his card elsewhere. "Order #N created" goes into the chat.
     */
    public SalesOrder create(long clientId, @Nullable Long conversationId, OrderDraft draft) {
        StaffPrincipal user = access.scope().user();
        ClientSummary client = parties.client(clientId);
        if (!client.buyer()) {
            throw new UserFacingException("order.error.not-buyer");
        }
        SalesParties.Source source = parties.source(user, client, conversationId, null);
        Valid valid = validate(draft);
        long number = orders.nextNumber("order_number_seq");
        List<@Nullable Object> values =
                new ArrayList<>(Arrays.asList(number, clientId, source.conversationId(), source.channelId()));
        values.addAll(edited(valid, draft));
        long id = jdbc.sql("""
                        insert into sales_order (number, client_id, conversation_id, channel_id, status, delivery_method,
                                                 delivery_address, payment_method, paid, comment, responsible_id, total)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""").params(values).query(Long.class).single();
        insertLines(id, valid.lines());
        events.publishEvent(new OrderCreated(
                id, number, clientId, source.conversationId(), source.channelId(), user.id(), user.fullName()));
        return get(id);
    }

    /**
     * Saves the form over the version it was opened with; when someone else saved in between,
     * says so instead of overwriting his changes. Lines are replaced as a whole.
     */
    public SalesOrder update(long id, OrderDraft draft, long version) {
        SalesOrder current = orders.unchanged(id, version, "order.error.changed");
        Valid valid = validate(draft);
        List<@Nullable Object> values = new ArrayList<>(edited(valid, draft));
        values.add(id);
        values.add(version);
        jdbc.sql("""
                        update sales_order set status = ?, delivery_method = ?, delivery_address = ?, payment_method = ?,
                               paid = ?, comment = ?, responsible_id = ?, total = ?, updated_at = now(),
                               version = version + 1
                        where id = ? and version = ?""").params(values).update();
        jdbc.sql("delete from sales_order_line where order_id = ?").param(id).update();
        insertLines(id, valid.lines());
        events.publishEvent(SalesChanged.of(current));
        return get(id);
    }

    // ---- rules ----

    private Valid validate(OrderDraft draft) {
        if (draft.lines().isEmpty()) {
            throw new UserFacingException("order.error.empty");
        }
        if (draft.lines().size() > MAX_LINES) {
            throw new UserFacingException("order.error.too-many-lines", MAX_LINES);
        }
        Drafts.valid(draft);
        Map<Long, Product> products = products(draft.lines());
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; i < draft.lines().size(); i++) {
            lines.add(line(i + 1, draft.lines().get(i), products));
        }
        BigDecimal total = Money.sum(lines.stream().map(OrderLine::lineTotal).toList());
        if (!fits(total, 14, Money.SCALE)) {
            throw new UserFacingException("order.error.too-large");
        }
        parties.checkResponsible(draft.responsibleId());
        String address = SalesRecords.blankToNull(draft.deliveryAddress());
        String comment = SalesRecords.blankToNull(draft.comment());
        OrderStatus status = draft.status() == null ? OrderStatus.NEW : draft.status();
        return new Valid(status, lines, total, address, comment);
    }

    /** Whether the total fits its column: {@code integerDigits} before the point, {@code scale} after. */
    private static boolean fits(BigDecimal value, int integerDigits, int scale) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() <= scale && stripped.precision() - stripped.scale() <= integerDigits;
    }

    /** The values of the columns the form edits, in the order both statements name them. */
    private static List<@Nullable Object> edited(Valid valid, OrderDraft draft) {
        return Arrays.asList(
                valid.status().name(),
                nameOf(draft.deliveryMethod()),
                valid.address(),
                nameOf(draft.paymentMethod()),
                draft.paid(),
                valid.comment(),
                draft.responsibleId(),
                valid.total());
    }

    private record Valid(
            OrderStatus status,
            List<OrderLine> lines,
            BigDecimal total,
            @Nullable String address,
            @Nullable String comment) {}

    /** Line {@code n} (1-based, as the messages name it) checked and priced. */
    private static OrderLine line(int n, OrderLineDraft draft, Map<Long, Product> products) {
        Product product = draft.productId() == null ? null : products.get(draft.productId());
        if (draft.productId() != null && product == null) {
            throw new UserFacingException("order.error.product-missing", n);
        }
        String typed = draft.description() == null ? "" : draft.description().strip();
        String description = typed.isEmpty() && product != null ? product.name() : typed;
        if (description.isEmpty()) {
            throw new UserFacingException("order.error.line-description", n);
        }
        if (description.length() > MAX_DESCRIPTION) {
            throw new UserFacingException("order.error.line-description-too-long", n, MAX_DESCRIPTION);
        }
        // Quantity and price are checked by the draft's annotations (Drafts.valid).
        BigDecimal quantity = Objects.requireNonNull(draft.quantity());
        BigDecimal price = Objects.requireNonNull(draft.unitPrice());
        BigDecimal q = quantity.stripTrailingZeros();
        BigDecimal p = price.setScale(Money.SCALE, java.math.RoundingMode.UNNECESSARY);
        return new OrderLine(
                draft.productId(),
                product == null ? null : product.sku(),
                description,
                q.scale() < 0 ? q.setScale(0) : q,
                p,
                Money.lineTotal(q, p));
    }

    private Map<Long, Product> products(List<OrderLineDraft> lines) {
        Long[] ids = lines.stream()
                .map(OrderLineDraft::productId)
                .filter(Objects::nonNull)
                .distinct()
                .toArray(Long[]::new);
        if (ids.length == 0) {
            return Map.of();
        }
        return jdbc
                .sql("select id, name, sku, price, active, version from product where id = any(?)")
                .param(ids)
                .query(ProductService::row)
                .list()
                .stream()
                .collect(Collectors.toMap(Product::id, Function.identity()));
    }

    private void insertLines(long orderId, List<OrderLine> lines) {
        for (int i = 0; i < lines.size(); i++) {
            OrderLine l = lines.get(i);
            jdbc.sql("""
                            insert into sales_order_line (order_id, position, product_id, description, quantity,
                                                          unit_price, line_total)
                            values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(orderId, i + 1, l.productId(), l.description(), l.quantity(), l.unitPrice(), l.lineTotal())
                    .update();
        }
    }

    private SalesOrder withLines(SalesOrder o) {
        List<OrderLine> lines = jdbc.sql("""
                        select l.product_id, p.sku, l.description, l.quantity, l.unit_price, l.line_total
                        from sales_order_line l left join product p on p.id = l.product_id
                        where l.order_id = ? order by l.position""")
                .param(o.id())
                .query((rs, n) -> new OrderLine(
                        SalesParties.nullableLong(rs, "product_id"),
                        rs.getString("sku"),
                        rs.getString("description"),
                        plain(rs.getBigDecimal("quantity")),
                        rs.getBigDecimal("unit_price"),
                        rs.getBigDecimal("line_total")))
                .list();
        return copy(o, o.clientName(), o.responsibleName(), lines);
    }

    /** 2.000 → 2, 0.250 → 0.25: quantities as people write them. */
    private static BigDecimal plain(BigDecimal quantity) {
        BigDecimal q = quantity.stripTrailingZeros();
        return q.scale() < 0 ? q.setScale(0) : q;
    }

    private Where where(OrderFilter filter) {
        Where where = orders.filtered(filter.responsibleId(), filter.search(), null);
        if (filter.status() != null) {
            where.add("o.status = :status", "status", filter.status().name());
        } else if (filter.activeOnly()) {
            where.add(ACTIVE);
        }
        return where;
    }

    private static SalesOrder named(SalesOrder o, String clientName, @Nullable String responsibleName) {
        return copy(o, clientName, responsibleName, o.lines());
    }

    /** The order with other names or lines. */
    private static SalesOrder copy(
            SalesOrder o, String clientName, @Nullable String responsibleName, List<OrderLine> lines) {
        return new SalesOrder(
                o.id(),
                o.number(),
                o.clientId(),
                clientName,
                o.status(),
                lines,
                o.deliveryMethod(),
                o.deliveryAddress(),
                o.paymentMethod(),
                o.paid(),
                o.comment(),
                o.responsibleId(),
                responsibleName,
                o.conversationId(),
                o.channelId(),
                o.total(),
                o.createdAt(),
                o.updatedAt(),
                o.version());
    }

    private static @Nullable String nameOf(@Nullable Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }

    private static SalesOrder row(ResultSet rs, int n) throws SQLException {
        return new SalesOrder(
                rs.getLong("id"),
                rs.getLong("number"),
                rs.getLong("client_id"),
                "",
                OrderStatus.valueOf(rs.getString("status")),
                List.of(),
                parse(DeliveryMethod.class, rs.getString("delivery_method")),
                rs.getString("delivery_address"),
                parse(PaymentMethod.class, rs.getString("payment_method")),
                rs.getBoolean("paid"),
                rs.getString("comment"),
                SalesParties.nullableLong(rs, "responsible_id"),
                null,
                SalesParties.nullableLong(rs, "conversation_id"),
                SalesParties.nullableLong(rs, "channel_id"),
                rs.getBigDecimal("total"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getLong("version"));
    }
}
