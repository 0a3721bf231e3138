package com.omnichat.base;

import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs work as the system (demo data, scheduled jobs): an administrator principal that
 * no one can sign in as. Restores the previous security context afterwards.
 */
public final class SystemAccess {

    public static final long SYSTEM_USER_ID = 0;

    private SystemAccess() {}

    public static <T> T call(Supplier<T> work) {
        return callAs(
                new StaffPrincipal(SYSTEM_USER_ID, "system", "Omnichat", Role.ADMINISTRATOR, true, null, null), work);
    }

    /** Runs work as the given staff member (demo data, tests). */
    public static <T> T callAs(StaffPrincipal principal, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void runAs(StaffPrincipal principal, Runnable work) {
        callAs(principal, () -> {
            work.run();
            return null;
        });
    }

    public static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
