package com.omnichat.customer;

import com.omnichat.base.NotFoundException;
import com.omnichat.base.UserFacingException;
import com.omnichat.customer.ClientUpdated.Change;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What managers do on the lead/buyer card: rename, phone, e-mail, note, "Save buyer" and
 * "Choose buyer from the list". Every change names the version the manager saw (a stale one
 * is refused, never silently overwritten) and the chat he acted from ({@code conversationId},
 * null outside the chats page), which the chat module uses for its system message.
 * Access as {@link ClientService#summary}: a client the user may not see is not found.
 * <p>
 * A phone or e-mail staff types here is verified; so is one the client left himself (see
 * {@code ChannelContacts}) once a manager confirms it or types it again: the manager has
 * checked it with the client then, and answers for it like for one he entered.
 */
@Service
@Transactional
public class ClientCardService {

    static final int NAME_MAX = 200;
    static final int NOTE_MAX = 4000;

    private final ClientService clients;
    private final PhoneNumbers phones;
    private final BuyerMatches matches;
    private final ClientMerge merging;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;

    ClientCardService(
            ClientService clients,
            PhoneNumbers phones,
            BuyerMatches matches,
            ClientMerge merging,
            ApplicationEventPublisher events,
            JdbcClient jdbc) {
        this.clients = clients;
        this.phones = phones;
        this.matches = matches;
        this.merging = merging;
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

    /** Sets ({@code phone} as typed, normalized to E.164, verified) or clears (blank) the phone. */
    public ClientSummary changePhone(
            long clientId, long version, @Nullable String phone, @Nullable Long conversationId) {
        return changeContact(Contact.PHONE, clientId, version, phones.normalize(phone), conversationId);
    }

    /** Sets (validated, lower-cased, verified) or clears (blank) the e-mail. */
    public ClientSummary changeEmail(
            long clientId, long version, @Nullable String email, @Nullable Long conversationId) {
        return changeContact(Contact.EMAIL, clientId, version, EmailAddresses.normalize(email), conversationId);
    }

    /** The manager checked the phone the client left himself: it is verified from now on. */
    public ClientSummary confirmPhone(long clientId, long version, @Nullable Long conversationId) {
        return confirm(Contact.PHONE, lockVisible(clientId, version), conversationId);
    }

    /** The manager checked the e-mail the client left himself: it is verified from now on. */
    public ClientSummary confirmEmail(long clientId, long version, @Nullable Long conversationId) {
        return confirm(Contact.EMAIL, lockVisible(clientId, version), conversationId);
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
     * "Save buyer". Never links on its own: when a buyer the manager may see has the lead's
     * phone (first) or e-mail, nothing is saved and that buyer is offered (name, masked
     * contacts) for {@link #linkToOfferedBuyer} or {@link #saveAsNewBuyer}. Otherwise the lead
     * becomes a buyer of his own; a buyer with his contacts whom the manager may not see is
     * flagged for an administrator ({@link DuplicateFlags}) and appears nowhere in the result.
     */
    public SaveBuyerResult saveAsBuyer(long clientId, long version, @Nullable Long conversationId) {
        ClientSummary lead = lockLead(clientId, version);
        BuyerMatches.Found found = matches.of(lead);
        var offer = found.firstVisible();
        if (offer.isPresent()) {
            return SaveBuyerResult.offered(lead, offer.get().offer());
        }
        return SaveBuyerResult.saved(saveNew(lead, found, conversationId));
    }

    /** "Create a new buyer" instead of the offered one: the lead becomes a buyer of his own. */
    public SaveBuyerResult saveAsNewBuyer(long clientId, long version, @Nullable Long conversationId) {
        ClientSummary lead = lockLead(clientId, version);
        return SaveBuyerResult.saved(saveNew(lead, matches.of(lead), conversationId));
    }

    /**
     * "Link to this buyer": the manager confirmed the offered buyer. Only a buyer he may see
     * who still has the lead's phone or e-mail is accepted (anything else is refused the same
     * way, so the call tells nothing about other buyers); the lead is merged into him.
     */
    public SaveBuyerResult linkToOfferedBuyer(
            long leadId, long leadVersion, long buyerId, @Nullable Long conversationId) {
        ClientSummary lead = lockLead(leadId, leadVersion);
        BuyerMatches.Found found = matches.of(lead);
        var match = found.visible(buyerId).orElseThrow(() -> new UserFacingException("client.error.offer-gone"));
        ClientSummary buyer = merging.merge(lead, match.buyer(), chat(conversationId), match.reason());
        matches.flag(buyer.id(), found.hidden());
        return SaveBuyerResult.linked(buyer, match.reason());
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
        return merging.merge(lead, reload(buyerId), chat(conversationId), LinkReason.CHOSEN);
    }

    // ---- helpers ----

    private enum Contact {
        PHONE("phone", LinkReason.SAME_PHONE, Change.PHONE, Change.PHONE_CONFIRMED, "client.error.phone-taken"),
        EMAIL("email", LinkReason.SAME_EMAIL, Change.EMAIL, Change.EMAIL_CONFIRMED, "client.error.email-taken");

        final String column;
        final LinkReason match;
        final Change changed;
        final Change confirmed;
        final String takenKey;

        Contact(String column, LinkReason match, Change changed, Change confirmed, String takenKey) {
            this.column = column;
            this.match = match;
            this.changed = changed;
            this.confirmed = confirmed;
            this.takenKey = takenKey;
        }

        @Nullable
        String of(ClientSummary client) {
            return this == PHONE ? client.phone() : client.email();
        }

        boolean unverified(ClientSummary client) {
            return this == PHONE ? client.phoneUnverified() : client.emailUnverified();
        }
    }

    private ClientSummary changeContact(
            Contact kind, long clientId, long version, @Nullable String normalized, @Nullable Long conversationId) {
        if (normalized != null) {
            lockContact(kind.column, normalized);
        }
        ClientSummary client = lockVisible(clientId, version);
        if (Objects.equals(normalized, kind.of(client))) {
            // Typing again what the card shows is checking it.
            return kind.unverified(client) ? confirm(kind, client, conversationId) : client;
        }
        List<BuyerMatches.Candidate> hidden = List.of();
        if (client.buyer() && normalized != null) {
            // Another buyer he may see with this contact: say who. One he may not see is not
            // named (nor is the change refused, which would tell that he exists): flagged.
            BuyerMatches.Found found = matches.withContact(kind.match, normalized, clientId);
            found.firstVisible().ifPresent(other -> {
                throw new UserFacingException(kind.takenKey, other.buyer().name());
            });
            hidden = found.hidden();
        }
        jdbc.sql("update client set " + kind.column + " = ?, " + kind.column
                        + "_verified = true, version = version + 1, updated_at = now() where id = ?")
                .params(normalized, clientId)
                .update();
        matches.flag(clientId, hidden);
        events.publishEvent(new ClientUpdated(clientId, chat(conversationId), kind.changed, normalized));
        return reload(clientId);
    }

    private ClientSummary confirm(Contact kind, ClientSummary client, @Nullable Long conversationId) {
        String value = kind.of(client);
        if (value == null) {
            throw new UserFacingException("client.error.nothing-to-confirm");
        }
        if (!kind.unverified(client)) {
            return client;
        }
        jdbc.sql("update client set " + kind.column + "_verified = true, version = version + 1, updated_at = now()"
                        + " where id = ?")
                .param(client.id())
                .update();
        events.publishEvent(new ClientUpdated(client.id(), chat(conversationId), kind.confirmed, value));
        return reload(client.id());
    }

    /** The lead (a buyer already is refused) as {@link #lockVisible}, his contacts locked first. */
    private ClientSummary lockLead(long clientId, long version) {
        // Two leads with one phone saved at once must not both become buyers unseen by each
        // other: the contacts are locked for the rest of the transaction. Locks are taken in one
        // order everywhere (contacts, phone first; then the lead; then the buyer), so no two
        // changes deadlock.
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
        return lead;
    }

    private ClientSummary saveNew(ClientSummary lead, BuyerMatches.Found found, @Nullable Long conversationId) {
        ClientSummary buyer = merging.makeBuyer(lead, chat(conversationId));
        matches.flag(buyer.id(), found.hidden());
        return buyer;
    }

    /**
     * The client the user may see, locked for this change, at the version the user saw; a
     * newer version means someone changed the card meanwhile.
     */
    private ClientSummary lockVisible(long clientId, long version) {
        clients.summary(clientId);
        jdbc.sql("select id from client where id = ? for update")
                .param(clientId)
                .query(Long.class)
                .optional();
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
                .params(value, client.id())
                .update();
    }

    private void lockContact(String kind, String value) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
                .param("client-" + kind + ":" + value)
                .query()
                .singleValue();
    }

    private static long chat(@Nullable Long conversationId) {
        return ClientMerge.chat(conversationId);
    }
}
