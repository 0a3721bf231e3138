package com.omnichat.sales;

import com.omnichat.channel.ChannelInfo;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sales side of a use case, straight in the database where the customer module's own
 * actions are not needed: which client is behind a chat, making him a buyer (as "Save
 * buyer" will), an extra identity, and short ways to write order lines and drafts.
 */
public class SalesFixtures {

    private final JdbcClient jdbc;

    public SalesFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long clientOf(long conversationId) {
        return jdbc.sql("select client_id from conversation where id = ?")
                .param(conversationId)
                .query(Long.class)
                .single();
    }

    /** The client becomes a buyer, as the card's "Save buyer" does. */
    public long makeBuyer(long clientId) {
        jdbc.sql("update client set buyer = true, buyer_since = now(), version = version + 1 where id = ?")
                .param(clientId)
                .update();
        return clientId;
    }

    /** The client also writes on another channel (an identity there, without a chat). */
    public void identityOn(long clientId, ChannelInfo channel, String externalUserId) {
        jdbc.sql("insert into client_identity (client_id, channel_id, external_user_id) values (?, ?, ?)")
                .params(clientId, channel.id(), externalUserId)
                .update();
    }

    /** Sets the order's status behind the form's back (history set-up). */
    public void status(SalesOrder order, OrderStatus status) {
        jdbc.sql("update sales_order set status = ? where id = ?")
                .params(status.name(), order.id())
                .update();
    }

    public static OrderLineDraft line(String description, String quantity, String unitPrice) {
        return new OrderLineDraft(null, description, new BigDecimal(quantity), new BigDecimal(unitPrice));
    }

    public static OrderLineDraft product(Product product, String quantity) {
        return new OrderLineDraft(product.id(), null, new BigDecimal(quantity), product.price());
    }

    public static OrderDraft order(OrderLineDraft... lines) {
        return new OrderDraft(
                OrderStatus.NEW,
                List.of(lines),
                DeliveryMethod.COURIER,
                "Kyiv, Khreshchatyk 1",
                PaymentMethod.CARD,
                false,
                null,
                null);
    }

    public static OrderDraft withStatus(OrderDraft draft, OrderStatus status) {
        return new OrderDraft(
                status,
                draft.lines(),
                draft.deliveryMethod(),
                draft.deliveryAddress(),
                draft.paymentMethod(),
                draft.paid(),
                draft.comment(),
                draft.responsibleId());
    }

    public static OrderDraft responsible(OrderDraft draft, @Nullable Long userId) {
        return new OrderDraft(
                draft.status(),
                draft.lines(),
                draft.deliveryMethod(),
                draft.deliveryAddress(),
                draft.paymentMethod(),
                draft.paid(),
                draft.comment(),
                userId);
    }

    public static RequestDraft request(String title, @Nullable String amount) {
        return new RequestDraft(title, null, amount == null ? null : new BigDecimal(amount), null, null, null);
    }
}
