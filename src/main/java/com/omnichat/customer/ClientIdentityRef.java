package com.omnichat.customer;

import org.jspecify.annotations.Nullable;

/** The result of resolving a channel identity: the identity, its client and his display data. */
public record ClientIdentityRef(
        long identityId,
        long clientId,
        String name,
        @Nullable String nickname,
        @Nullable String photoUrl) {}
