package com.omnichat.base;

import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Reads the signed-in staff member from the security context, as he stands now: services
 * check the current role, not the one he signed in with (a demoted administrator loses
 * administration at once, a deactivated user can do nothing, even in a session or an open
 * view that was not ended yet).
 */
public final class CurrentStaff {

    // A stack: each application context (tests may start several in one JVM) installs one and
    // removes it when it closes; the newest still open answers.
    private static final Deque<StaffStanding> STANDINGS = new ConcurrentLinkedDeque<>();

    private CurrentStaff() {}

    public static Optional<StaffPrincipal> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof StaffPrincipal principal) {
            return current(principal);
        }
        return Optional.empty();
    }

    /** The signed-in user; services call this first, so an anonymous call fails loudly. */
    public static StaffPrincipal require() {
        return get().orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("Not signed in"));
    }

    /** The signed-in user, who must have the permission now (his role's, as it stands at this call). */
    public static StaffPrincipal require(Permission permission) {
        StaffPrincipal user = require();
        if (!user.can(permission)) {
            throw new org.springframework.security.access.AccessDeniedException("Missing permission " + permission);
        }
        return user;
    }

    /** The given principal as he stands now; the system principal is always itself. */
    public static Optional<StaffPrincipal> current(StaffPrincipal principal) {
        StaffStanding standing = STANDINGS.peekFirst();
        if (standing == null || principal.id() == SystemAccess.SYSTEM_USER_ID) {
            return Optional.of(principal);
        }
        return standing.current(principal);
    }

    /** Installs the source of current standings; the returned handle removes it. */
    public static Runnable useStanding(StaffStanding standing) {
        STANDINGS.addFirst(standing);
        return () -> STANDINGS.remove(standing);
    }
}
