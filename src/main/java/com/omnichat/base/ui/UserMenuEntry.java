package com.omnichat.base.ui;

/**
 * An entry a feature adds to the user menu of the top bar (e.g. its personal settings),
 * so the shell needs no dependency on that feature. Spring beans implementing this are
 * listed after Language, in their {@code @Order}.
 */
public interface UserMenuEntry {

    /** Translation key of the entry's label. */
    String labelKey();

    /** Whether the signed-in user gets this entry. */
    default boolean isAvailable() {
        return true;
    }

    /** The user picked the entry (runs in the UI, e.g. opens a dialog). */
    void select();
}
