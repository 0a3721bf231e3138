package com.omnichat.base;

import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Lets a feature mark its menu entry while something needs the signed-in user's attention
 * (e.g. a channel whose access token was rejected) and tell him live when it starts, so the
 * shell needs no dependency on that feature.
 */
public interface MenuAlert {

    /** The route path of the entry marked (without a leading slash). */
    String path();

    /** Translation key of the marker's accessible text. */
    String labelKey();

    /** Whether the signed-in user sees the marker now. */
    boolean active();

    /**
     * Called in the UI with the user signed in; the listener runs on any thread whenever the
     * state may have changed, with a notice to show, or null for none. Returns the unsubscribe.
     */
    Runnable subscribe(Consumer<@Nullable Notice> listener);

    /** A live notice: a translation key and its arguments. */
    record Notice(String key, List<Object> args) {}
}
