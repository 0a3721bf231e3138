package com.omnichat.customer;

import org.jspecify.annotations.Nullable;

/**
 * A buyer the manager may see who has the lead's phone or e-mail, offered by "Save buyer" for
 * confirmation: his name and his contacts masked ({@link ContactMasks}). {@code unverified}:
 * the matching contact of the lead or of the buyer was left by the client himself, so the
 * match alone proves little (the card says so).
 */
public record BuyerMatch(
        long buyerId,
        String name,
        @Nullable String maskedPhone,
        @Nullable String maskedEmail,
        LinkReason reason,
        boolean unverified) {}
