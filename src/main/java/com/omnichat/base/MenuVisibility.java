package com.omnichat.base;

/**
 * Lets a feature hide its menu entry for users who have nothing there (e.g. Chats for a
 * user without channels), beyond what the route's access annotations decide.
 */
public interface MenuVisibility {

    /** Whether the entry with this route path is shown to the signed-in user. */
    boolean isVisible(String path);
}
