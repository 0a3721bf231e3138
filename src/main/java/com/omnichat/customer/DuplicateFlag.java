package com.omnichat.customer;

import java.time.Instant;

/**
 * A possible duplicate for an administrator: "Save buyer" (or a buyer's new contact) met a
 * buyer with the same phone or e-mail whom the manager may not see. {@code clientId} is the
 * buyer the manager saved, {@code otherClientId} the existing one; {@code contact} the shared
 * phone (E.164) or e-mail; {@code unverified}: one side's copy was left by the client himself.
 */
public record DuplicateFlag(
        long id,
        long clientId,
        String clientName,
        long otherClientId,
        String otherClientName,
        LinkReason reason,
        String contact,
        boolean unverified,
        Instant flaggedAt) {}
