package com.omnichat.chat;

import com.omnichat.customer.ClientProfileRefreshed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Keeps the chat list's copy of the client's name, nickname and photo in step with refreshed profiles. */
@Component
class ConversationProfiles {

    private final ConversationChanges changes;
    private final ChatUpdates updates;

    ConversationProfiles(ConversationChanges changes, ChatUpdates updates) {
        this.changes = changes;
        this.updates = updates;
    }

    // In the refreshing transaction: the copy changes with the client.
    @EventListener
    void on(ClientProfileRefreshed event) {
        changes.refreshClientProfile(event.clientId(), event.name(), event.nickname(), event.photoUrl())
                .forEach(c -> updates.publish(new ChatEvent(ChatEvent.Type.UPDATED, c.id(), c.channelId(), null)));
    }
}
