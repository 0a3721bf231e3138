package com.omnichat.customer;

import com.omnichat.base.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The two ways a lead stops being a lead, once the card service checked access, versions and
 * the rules: he becomes a buyer of his own, or he is merged into an existing buyer.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class ClientMerge {

    private final ClientService clients;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;

    ClientMerge(ClientService clients, ApplicationEventPublisher events, JdbcClient jdbc) {
        this.clients = clients;
        this.events = events;
        this.jdbc = jdbc;
    }

    /** The (locked) lead is a buyer now. */
    ClientSummary makeBuyer(ClientSummary lead, long conversationId) {
        jdbc.sql("""
                        update client set buyer = true, buyer_since = now(), version = version + 1, updated_at = now()
                        where id = ?""").param(lead.id()).update();
        events.publishEvent(new ClientSavedAsBuyer(lead.id(), conversationId));
        return reload(lead.id());
    }

    /**
     * Merges the (locked) lead into the buyer: identities move, empty contact fields of the
     * buyer are filled from the lead (with their verification), notes are kept both, the lead
     * points at the buyer.
     */
    ClientSummary merge(ClientSummary lead, ClientSummary buyer, long conversationId, LinkReason reason) {
        // The lead is locked already: the buyer second, as everywhere.
        jdbc.sql("select id from client where id = ? for update")
                .param(buyer.id())
                .query(Long.class)
                .optional();
        String buyerName = reload(buyer.id()).name();
        jdbc.sql("update client_identity set client_id = ? where client_id = ?")
                .params(buyer.id(), lead.id())
                .update();
        jdbc.sql("""
                        update client b set phone = coalesce(b.phone, l.phone), email = coalesce(b.email, l.email),
                               phone_verified = case when b.phone is null then l.phone_verified else b.phone_verified end,
                               email_verified = case when b.email is null then l.email_verified else b.email_verified end,
                               nickname = coalesce(b.nickname, l.nickname), photo_url = coalesce(b.photo_url, l.photo_url),
                               note = case when l.note is null then b.note when b.note is null then l.note
                                           else b.note || E'\\n\\n' || l.note end,
                               version = b.version + 1, updated_at = now()
                        from client l where b.id = ? and l.id = ?""").params(buyer.id(), lead.id()).update();
        jdbc.sql("update client set merged_into = ?, version = version + 1, updated_at = now() where id = ?")
                .params(buyer.id(), lead.id())
                .update();
        events.publishEvent(new ClientsMerged(lead.id(), buyer.id(), conversationId));
        events.publishEvent(new ClientLinkedToBuyer(lead.id(), buyer.id(), buyerName, conversationId, reason));
        return reload(buyer.id());
    }

    private ClientSummary reload(long clientId) {
        return clients.load(clientId).orElseThrow(() -> new NotFoundException("Client " + clientId));
    }

    static long chat(@Nullable Long conversationId) {
        return conversationId == null ? 0 : conversationId;
    }
}
