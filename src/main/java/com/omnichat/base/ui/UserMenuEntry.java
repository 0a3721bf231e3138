package com.omnichat.base.ui;

import java.util.function.BooleanSupplier;

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

    /** An entry from its parts: the label's key, who gets it, and what picking it does. */
    static UserMenuEntry of(String labelKey, BooleanSupplier available, Runnable select) {
        return new UserMenuEntry() {
            @Override
            public String labelKey() {
                return labelKey;
            }

            @Override
            public boolean isAvailable() {
                return available.getAsBoolean();
            }

            @Override
            public void select() {
                select.run();
            }
        };
    }
}
