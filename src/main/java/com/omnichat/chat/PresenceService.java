package com.omnichat.chat;

import com.omnichat.base.ClusterBroadcaster;
import com.omnichat.base.CurrentStaff;
import com.omnichat.base.StaffPrincipal;
import com.omnichat.chat.ChatEvent.Activity;
import com.omnichat.chat.ChatEvent.Presence;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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
    /** Everyone present in each chat, as heard from all nodes: a newcomer sees who is already there. */
    private final Map<Long, Map<Long, Seen>> present = new ConcurrentHashMap<>();

    PresenceService(InboxService inbox, ChatUpdates updates, ClusterBroadcaster broadcaster) {
        this.inbox = inbox;
        this.updates = updates;
        broadcaster.subscribe(ChatEvent.class, this::remember);
    }

    /** Who else is in the chat now (viewing or typing), without the signed-in user. */
    public List<Presence> others(long conversationId) {
        inbox.get(conversationId); // access check
        long me = CurrentStaff.require().id();
        long now = System.currentTimeMillis();
        return present.getOrDefault(conversationId, Map.of()).values().stream()
                .filter(s -> s.presence().userId() != me && now - s.atMillis() < VIEWER_TTL_MILLIS)
                .map(Seen::presence)
                .toList();
    }

    private void remember(ChatEvent event) {
        Presence p = event.presence();
        if (p == null) {
            return;
        }
        if (p.activity() == Activity.LEFT) {
            present.computeIfPresent(event.conversationId(), (id, users) -> {
                users.remove(p.userId());
                return users.isEmpty() ? null : users;
            });
        } else {
            present.computeIfAbsent(event.conversationId(), id -> new ConcurrentHashMap<>())
                    .put(p.userId(), new Seen(p, System.currentTimeMillis()));
        }
    }

    private record Seen(Presence presence, long atMillis) {}

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
        var event = new ChatEvent(
                ChatEvent.Type.PRESENCE, conversationId, channelId, new Presence(user.id(), user.fullName(), activity));
        updates.publish(event);
        return event;
    }

    @Scheduled(fixedDelay = 20_000)
    @Transactional
    void reannounce() {
        localViewers.values().forEach(updates::publish);
        long now = System.currentTimeMillis();
        present.values().forEach(users -> users.values().removeIf(s -> now - s.atMillis() > VIEWER_TTL_MILLIS));
        present.values().removeIf(Map::isEmpty);
    }
}
