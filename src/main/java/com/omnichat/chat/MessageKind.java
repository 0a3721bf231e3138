package com.omnichat.chat;

/** Who a message is from: the client, a manager, the system (audit trail), or a staff-only note. */
public enum MessageKind {
    CLIENT,
    MANAGER,
    SYSTEM,
    NOTE
}
