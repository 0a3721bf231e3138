package com.omnichat.chat;

/** Which chats' new client messages notify a user. Always limited to the channels he may see. */
public enum NotificationScope {
    /** Chats he is responsible for. */
    MINE,
    /** His chats and the chats no one is responsible for yet. */
    MINE_AND_UNASSIGNED,
    /** Every chat he may see. */
    ALL
}
