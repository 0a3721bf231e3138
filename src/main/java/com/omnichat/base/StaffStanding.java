package com.omnichat.base;

import java.util.Optional;

/**
 * What a signed-in user may do now. The principal in a session was read when he signed in;
 * his role may have changed since, or he may have been deactivated. The user module answers
 * from the stored user (see {@link CurrentStaff}).
 */
@FunctionalInterface
public interface StaffStanding {

    /** The user as he stands now; empty when he may no longer act at all. */
    Optional<StaffPrincipal> current(StaffPrincipal signedIn);
}
