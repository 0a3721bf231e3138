package com.omnichat.base;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Reads the signed-in staff member from the security context. */
public final class CurrentStaff {

    private CurrentStaff() {
    }

    public static Optional<StaffPrincipal> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof StaffPrincipal principal) {
            return Optional.of(principal);
        }
        return Optional.empty();
    }

    /** The signed-in user; services call this first, so an anonymous call fails loudly. */
    public static StaffPrincipal require() {
        return get().orElseThrow(() -> new org.springframework.security.access.AccessDeniedException(
                "Not signed in"));
    }
}
