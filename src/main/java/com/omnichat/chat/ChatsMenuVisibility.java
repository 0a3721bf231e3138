package com.omnichat.chat;

import com.omnichat.base.MenuVisibility;
import org.springframework.stereotype.Component;

/** "Chats" appears only for a user with access to at least one channel (SPEC 1). */
@Component
class ChatsMenuVisibility implements MenuVisibility {

    private final InboxService inbox;

    ChatsMenuVisibility(InboxService inbox) {
        this.inbox = inbox;
    }

    @Override
    public boolean isVisible(String path) {
        String route = path.startsWith("/") ? path.substring(1) : path;
        return !route.startsWith("chats") || inbox.hasAnyChannel();
    }
}
