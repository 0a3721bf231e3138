package com.omnichat.user;

import org.jspecify.annotations.Nullable;

/**
 * Broadcast (every node) at commit: end the user's sessions, except the one whose id hashes
 * to {@code keepSessionHash} (the raw session id never travels).
 */
record SessionsEnded(long userId, @Nullable String keepSessionHash) {}
