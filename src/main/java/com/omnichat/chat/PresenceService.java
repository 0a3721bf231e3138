package com.omnichat.chat;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.omnichat.base.CurrentStaff;
import com.omnichat.base.StaffPrincipal;
import com.omnichat.chat.ChatEvent.Activity;
import com.omnichat.chat.ChatEvent.Presence;

/**
 * Who is viewing or typing in a chat right now (collision detection). Announcements go
 * through the cluster broadcast; viewers of this node are re-announced periodically so
 * other nodes can expire viewers of a node that died.
 */
@Service
public class PresenceService {

    /** Receivers forget a viewer not re-announced within this time. */
    public static final long VIEWER_TTL_MILLIS = 60_000;
    public static final long TYPING_TTL_MILLIS = 6_000;

    private final InboxService inbox;
    private final ChatUpdates updates;
    private final Map<String, ChatEvent> localViewers = new ConcurrentHashMap<>();

    PresenceService(InboxService inbox, ChatUpdates updates) {
        this.inbox = inbox;
        this.updates = updates;
    }

    @Transactional
    public void viewing(long conversationId, String viewKey) {
        ChatEvent event = announce(conversationId, Activity.VIEWING);
        localViewers.put(viewKey, event);
    }

    @Transactional
    public void typing(long conversationId) {
        announce(conversationId, Activity.TYPING);
    }

    @Transactional
    public void left(long conversationId, String viewKey) {
        localViewers.remove(viewKey);
        announce(conversationId, Activity.LEFT);
    }

    private ChatEvent announce(long conversationId, Activity activity) {
        StaffPrincipal user = CurrentStaff.require();
        long channelId = inbox.get(conversationId).channel().id();
        var event = new ChatEvent(ChatEvent.Type.PRESENCE, conversationId, channelId,
                new Presence(user.id(), user.fullName(), activity));
        updates.publish(event);
        return event;
    }

    @Scheduled(fixedDelay = 20_000)
    @Transactional
    void reannounce() {
        localViewers.values().forEach(updates::publish);
    }
}
