package com.omnichat.customer;

import com.omnichat.base.CurrentStaff;
import com.omnichat.base.StaffPrincipal;
import com.omnichat.base.SystemAccess;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Buyers who share a phone or e-mail with a client, split by what the signed-in user may see
 * (the rule of {@link ClientService#canSee}). A visible one may be offered to the manager; a
 * hidden one is never named to him, only flagged for an administrator
 * ({@link DuplicateFlags}) as a possible duplicate of the buyer he saved.
 */
@Component
class BuyerMatches {

    /** More buyers with one phone than this are not looked at (they are all flagged already). */
    private static final int LIMIT = 20;

    private final ClientService clients;
    private final JdbcClient jdbc;

    BuyerMatches(ClientService clients, JdbcClient jdbc) {
        this.clients = clients;
        this.jdbc = jdbc;
    }

    /** A buyer sharing a contact: by which, its value, and whether either side's copy is unverified. */
    record Candidate(ClientSummary buyer, LinkReason reason, String contact, boolean unverified) {

        BuyerMatch offer() {
            return new BuyerMatch(
                    buyer.id(),
                    buyer.name(),
                    ContactMasks.phone(buyer.phone()),
                    ContactMasks.email(buyer.email()),
                    reason,
                    unverified);
        }
    }

    /** The matches, phone matches first, then by id; {@code hidden} must never reach the user. */
    record Found(List<Candidate> visible, List<Candidate> hidden) {

        Optional<Candidate> firstVisible() {
            return visible.stream().findFirst();
        }

        Optional<Candidate> visible(long buyerId) {
            return visible.stream().filter(c -> c.buyer().id() == buyerId).findFirst();
        }
    }

    /** Buyers (other than the client) with the client's phone or e-mail. */
    Found of(ClientSummary client) {
        Map<Long, Candidate> found = new LinkedHashMap<>();
        if (client.phone() != null) {
            for (ClientSummary buyer : buyersWith("phone", client.phone(), client.id())) {
                found.putIfAbsent(
                        buyer.id(),
                        new Candidate(
                                buyer,
                                LinkReason.SAME_PHONE,
                                client.phone(),
                                !client.phoneVerified() || !buyer.phoneVerified()));
            }
        }
        if (client.email() != null) {
            for (ClientSummary buyer : buyersWith("email", client.email(), client.id())) {
                found.putIfAbsent(
                        buyer.id(),
                        new Candidate(
                                buyer,
                                LinkReason.SAME_EMAIL,
                                client.email(),
                                !client.emailVerified() || !buyer.emailVerified()));
            }
        }
        return split(found.values());
    }

    /** Buyers (other than the client) with this phone or e-mail, which staff is entering now (verified). */
    Found withContact(LinkReason kind, String value, long exceptId) {
        boolean phone = kind == LinkReason.SAME_PHONE;
        List<Candidate> found = buyersWith(phone ? "phone" : "email", value, exceptId).stream()
                .map(b -> new Candidate(b, kind, value, !(phone ? b.phoneVerified() : b.emailVerified())))
                .toList();
        return split(found);
    }

    /** Notes each hidden match as a possible duplicate of {@code clientId} for the administrators. */
    void flag(long clientId, List<Candidate> hidden) {
        StaffPrincipal actor = CurrentStaff.require();
        @Nullable Long flaggedBy = actor.id() == SystemAccess.SYSTEM_USER_ID ? null : actor.id();
        for (Candidate candidate : hidden) {
            jdbc.sql("""
                            insert into client_duplicate_flag (client_id, other_client_id, reason, contact, unverified, flagged_by)
                            values (?, ?, ?, ?, ?, ?) on conflict (client_id, other_client_id, reason) do nothing""")
                    .params(
                            clientId,
                            candidate.buyer().id(),
                            candidate.reason().name(),
                            candidate.contact(),
                            candidate.unverified(),
                            flaggedBy)
                    .update();
        }
    }

    private Found split(Iterable<Candidate> candidates) {
        StaffPrincipal user = CurrentStaff.require();
        List<Candidate> visible = new ArrayList<>();
        List<Candidate> hidden = new ArrayList<>();
        for (Candidate candidate : candidates) {
            (clients.canSee(user, candidate.buyer()) ? visible : hidden).add(candidate);
        }
        return new Found(List.copyOf(visible), List.copyOf(hidden));
    }

    private List<ClientSummary> buyersWith(String column, String value, long exceptId) {
        // Column names come from this class only, never from input.
        return jdbc.sql("select " + ClientService.SUMMARY_COLUMNS + " from client c where c.buyer and c." + column
                        + " = ? and c.merged_into is null and c.id <> ? order by c.id limit ?")
                .params(value, exceptId, LIMIT)
                .query(ClientService::summaryRow)
                .list();
    }
}
