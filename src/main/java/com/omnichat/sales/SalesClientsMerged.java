package com.omnichat.sales;

import com.omnichat.customer.ClientsMerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A lead linked to a buyer takes his requests (and, should he have any, orders) along:
 * they follow to the buyer inside the merging transaction, so the buyer's card shows them.
 */
@Component
class SalesClientsMerged {

    private final JdbcClient jdbc;

    SalesClientsMerged(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ClientsMerged event) {
        jdbc.sql("update sales_request set client_id = ?, updated_at = now() where client_id = ?")
                .params(event.buyerId(), event.leadId())
                .update();
        jdbc.sql("update sales_order set client_id = ?, updated_at = now() where client_id = ?")
                .params(event.buyerId(), event.leadId())
                .update();
    }
}
