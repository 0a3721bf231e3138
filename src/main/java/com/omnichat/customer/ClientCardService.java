package com.omnichat.customer;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.omnichat.base.NotFoundException;
import com.omnichat.base.UserFacingException;
import com.omnichat.customer.ClientUpdated.Change;

/**
 * What managers do on the lead/buyer card: rename, phone, e-mail, note, "Save buyer" and
 * "Choose buyer from the list". Every change names the version the manager saw (a stale one
 * is refused, never silently overwritten) and the chat he acted from ({@code conversationId},
 * null outside the chats page), which the chat module uses for its system message.
 * Access as {@link ClientService#summary}: a client the user may not see is not found.
 */
@Service
@Transactional
public class ClientCardService {

    static final int NAME_MAX = 200;
    static final int NOTE_MAX = 4000;

    private final ClientService clients;
    private final PhoneNumbers phones;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;

    ClientCardService(ClientService clients, PhoneNumbers phones, ApplicationEventPublisher events, JdbcClient jdbc) {
        this.clients = clients;
        this.phones = phones;
        this.events = events;
        this.jdbc = jdbc;
    }

    public ClientSummary rename(long clientId, long version, String name, @Nullable Long conversationId) {
        String clean = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (clean.isEmpty()) {
            throw new UserFacingException("client.error.name-required");
        }
        if (clean.length() > NAME_MAX) {
            throw new UserFacingException("client.error.name-too-long", NAME_MAX);
        }
        ClientSummary client = lockVisible(clientId, version);
        if (clean.equals(client.name())) {
            return client;
        }
        update(client, "name", clean);
        events.publishEvent(new ClientUpdated(clientId, chat(conversationId), Change.NAME, clean));
        return reload(clientId);
    }

    /** Sets ({@code phone} as typed, normalized to E.164) or clears (blank) the phone. */
    public ClientSummary changePhone(long clientId, long version, @Nullable String phone, @Nullable Long conversationId) {
        String normalized = phones.normalize(phone);
        if (normalized != null) {
            lockContact("phone", normalized);
        }
        ClientSummary client = lockVisible(clientId, version);
        if (Objects.equals(normalized, client.phone())) {
            return client;
        }
        if (client.buyer() && normalized != null) {
            findBuyer("phone", normalized, clientId).ifPresent(other -> {
                throw new UserFacingException("client.error.phone-taken", other.name());
            });
        }
        update(client, "phone", normalized);
        events.publishEvent(new ClientUpdated(clientId, chat(conversationId), Change.PHONE, normalized));
        return reload(clientId);
    }

    /** Sets (validated, lower-cased) or clears (blank) the e-mail. */
    public ClientSummary changeEmail(long clientId, long version, @Nullable String email, @Nullable Long conversationId) {
        String normalized = EmailAddresses.normalize(email);
        if (normalized != null) {
            lockContact("email", normalized);
        }
        ClientSummary client = lockVisible(clientId, version);
        if (Objects.equals(normalized, client.email())) {
            return client;
        }
        if (client.buyer() && normalized != null) {
            findBuyer("email", normalized, clientId).ifPresent(other -> {
                throw new UserFacingException("client.error.email-taken", other.name());
            });
        }
        update(client, "email", normalized);
        events.publishEvent(new ClientUpdated(clientId, chat(conversationId), Change.EMAIL, normalized));
        return reload(clientId);
    }

    /** The staff's note about the client (blank clears it). */
    public ClientSummary changeNote(long clientId, long version, @Nullable String note, @Nullable Long conversationId) {
        String clean = note == null || note.isBlank() ? null : note.strip();
        if (clean != null && clean.length() > NOTE_MAX) {
            throw new UserFacingException("client.error.note-too-long", NOTE_MAX);
        }
        ClientSummary client = lockVisible(clientId, version);
        if (Objects.equals(clean, client.note())) {
            return client;
        }
        update(client, "note", clean);
        events.publishEvent(new ClientUpdated(clientId, chat(conversationId), Change.NOTE, null));
        return reload(clientId);
    }

    /**
     * "Save buyer": the lead becomes a buyer, unless a buyer with the same phone (first) or
     * e-mail exists; then the lead is linked to that buyer (merged into him) and the result
     * says so.
     */
    public SaveBuyerResult saveAsBuyer(long clientId, long version, @Nullable Long conversationId) {
        // Two leads with one phone saved at once must not both become buyers: the contacts
        // are locked for the rest of the transaction. Locks are taken in one order everywhere
        // (contacts, phone first; then the lead; then the buyer), so no two changes deadlock.
        ClientSummary seen = clients.summary(clientId);
        if (seen.phone() != null) {
            lockContact("phone", seen.phone());
        }
        if (seen.email() != null) {
            lockContact("email", seen.email());
        }
        ClientSummary lead = lockVisible(clientId, version);
        if (lead.buyer()) {
            throw new UserFacingException("client.error.already-buyer");
        }
        var byPhone = lead.phone() == null ? java.util.Optional.<ClientSummary>empty()
                : findBuyer("phone", lead.phone(), clientId);
        var existing = byPhone.isPresent() || lead.email() == null ? byPhone : findBuyer("email", lead.email(), clientId);
        if (existing.isPresent()) {
            LinkReason reason = byPhone.isPresent() ? LinkReason.SAME_PHONE : LinkReason.SAME_EMAIL;
            ClientSummary buyer = merge(lead, existing.get(), conversationId, reason);
            return new SaveBuyerResult(buyer, reason);
        }
        jdbc.sql("""
                        update client set buyer = true, buyer_since = now(), version = version + 1, updated_at = now()
                        where id = ?""")
                .param(clientId).update();
        events.publishEvent(new ClientSavedAsBuyer(clientId, chat(conversationId)));
        return new SaveBuyerResult(reload(clientId), null);
    }

    /**
     * Whether "Choose buyer from the list" is offered: only for a lead whose phone or e-mail
     * is still empty (with both known, "Save buyer" finds the buyer by them).
     */
    public static boolean mayChooseBuyer(ClientSummary client) {
        return !client.buyer() && (client.phone() == null || client.email() == null);
    }

    /** Buyers to choose from (see {@link ClientService#searchBuyers}). */
    @Transactional(readOnly = true)
    public List<ClientSummary> buyersToChoose(String query, int limit) {
        return clients.searchBuyers(query, limit);
    }

    /**
     * "Choose buyer from the list": links the lead to the buyer. His identities move to the
     * buyer, so all his chats show the buyer's card.
     */
    public ClientSummary linkToBuyer(long leadId, long leadVersion, long buyerId, @Nullable Long conversationId) {
        if (leadId == buyerId) {
            throw new UserFacingException("client.error.already-buyer");
        }
        ClientSummary buyer = clients.summary(buyerId);
        if (!buyer.buyer()) {
            throw new NotFoundException("Buyer " + buyerId);
        }
        ClientSummary lead = lockVisible(leadId, leadVersion);
        if (lead.buyer()) {
            throw new UserFacingException("client.error.already-buyer");
        }
        if (!mayChooseBuyer(lead)) {
            throw new UserFacingException("client.error.choose-not-offered");
        }
        return merge(lead, reload(buyerId), conversationId, LinkReason.CHOSEN);
    }

    // ---- helpers ----

    /**
     * Merges the lead into the buyer: identities move, empty contact fields of the buyer
     * are filled from the lead, notes are kept both, the lead points at the buyer.
     */
    private ClientSummary merge(ClientSummary lead, ClientSummary buyer, @Nullable Long conversationId,
                                LinkReason reason) {
        // The lead is locked already (lockVisible): the buyer second, as everywhere.
        jdbc.sql("select id from client where id = ? for update").param(buyer.id()).query(Long.class).optional();
        String buyerName = reload(buyer.id()).name();
        jdbc.sql("update client_identity set client_id = ? where client_id = ?").params(buyer.id(), lead.id()).update();
        jdbc.sql("""
                        update client b set phone = coalesce(b.phone, l.phone), email = coalesce(b.email, l.email),
                               nickname = coalesce(b.nickname, l.nickname), photo_url = coalesce(b.photo_url, l.photo_url),
                               note = case when l.note is null then b.note when b.note is null then l.note
                                           else b.note || E'\\n\\n' || l.note end,
                               version = b.version + 1, updated_at = now()
                        from client l where b.id = ? and l.id = ?""")
                .params(buyer.id(), lead.id()).update();
        jdbc.sql("update client set merged_into = ?, version = version + 1, updated_at = now() where id = ?")
                .params(buyer.id(), lead.id()).update();
        long chat = chat(conversationId);
        events.publishEvent(new ClientsMerged(lead.id(), buyer.id(), chat));
        events.publishEvent(new ClientLinkedToBuyer(lead.id(), buyer.id(), buyerName, chat, reason));
        return reload(buyer.id());
    }

    /**
     * The client the user may see, locked for this change, at the version the user saw; a
     * newer version means someone changed the card meanwhile.
     */
    private ClientSummary lockVisible(long clientId, long version) {
        clients.summary(clientId);
        jdbc.sql("select id from client where id = ? for update").param(clientId).query(Long.class).optional();
        ClientSummary client = reload(clientId);
        if (client.version() != version) {
            throw new UserFacingException("client.error.changed", client.name());
        }
        return client;
    }

    private ClientSummary reload(long clientId) {
        return clients.load(clientId).orElseThrow(() -> new NotFoundException("Client " + clientId));
    }

    private void update(ClientSummary client, String column, @Nullable String value) {
        // Column names come from this class only, never from input.
        jdbc.sql("update client set " + column + " = ?, version = version + 1, updated_at = now() where id = ?")
                .params(value, client.id()).update();
    }

    private java.util.Optional<ClientSummary> findBuyer(String column, String value, long exceptId) {
        return jdbc.sql("select " + ClientService.SUMMARY_COLUMNS + " from client c where c.buyer and c." + column
                        + " = ? and c.merged_into is null and c.id <> ? order by c.id limit 1")
                .params(value, exceptId).query(ClientService::summaryRow).optional();
    }

    private void lockContact(String kind, String value) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param("client-" + kind + ":" + value)
                .query().singleValue();
    }

    private static long chat(@Nullable Long conversationId) {
        return conversationId == null ? 0 : conversationId;
    }
}
