package com.omnichat.base;

/**
 * What a role allows. Services check these (never a role's name); the built-in Administrator
 * has every one, the built-in Manager the three of everyday chat work.
 */
public enum Permission {
    /** Every chat of the granted channels; without it only his own and unassigned ones. */
    SEE_ALL_CHATS,
    /** Makes another user responsible for a chat. */
    ASSIGN_CHATS,
    CLOSE_CHATS,
    /** Administration → Channels; such a user works in every channel, as the administrator does. */
    MANAGE_CHANNELS,
    /** Administration → Users and Roles. */
    MANAGE_USERS,
    /** Shared quick replies and the WhatsApp message templates. */
    MANAGE_TEMPLATES,
    MANAGE_PRODUCTS,
    SEE_REPORTS,
    EXPORT,
    /** Clients who wrote only through channels he is not granted (and their duplicates). */
    SEE_ALL_CLIENTS;

    public String authority() {
        return "PERM_" + name();
    }
}
