package com.omnichat.chat;

import com.omnichat.base.ClusterBroadcaster;
import com.omnichat.base.StaffPrincipal;
import com.omnichat.channel.ChannelAccessChanged;
import com.omnichat.channel.ChannelService;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Fans live chat events out to the open views of this node. A subscriber only hears about
 * conversations of channels he may see.
 */
@Component
public class ChatUpdates {

    private static final Logger log = LoggerFactory.getLogger(ChatUpdates.class);

    private final ClusterBroadcaster broadcaster;
    private final ChannelService channels;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

    ChatUpdates(ClusterBroadcaster broadcaster, ChannelService channels) {
        this.broadcaster = broadcaster;
        this.channels = channels;
        broadcaster.subscribe(ChatEvent.class, this::dispatch);
    }

    /**
     * Registers a listener for a user; it runs on the broadcasting thread, so a view must
     * only hand the event to {@code UI.access}. Returns the handle to unsubscribe.
     */
    public Runnable subscribe(StaffPrincipal user, Consumer<ChatEvent> listener) {
        var subscriber = new Subscriber(user, listener);
        subscriber.channelIds = channels.accessibleChannelIds(user);
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    /** Access changed on this node: open views follow at once (after the change commits). */
    @TransactionalEventListener(fallbackExecution = true)
    void on(ChannelAccessChanged event) {
        refreshAccess();
    }

    /** Access changed on another node reaches this node's open views within a minute. */
    @Scheduled(fixedDelay = 60_000)
    void refreshAccess() {
        subscribers.forEach(s -> s.channelIds = channels.accessibleChannelIds(s.user));
    }

    /** Sends the event to all nodes when the current transaction commits. */
    void publish(ChatEvent event) {
        broadcaster.publish(event);
    }

    private void dispatch(ChatEvent event) {
        for (Subscriber s : subscribers) {
            if (s.user.worksInAllChannels() || s.channelIds.contains(event.channelId())) {
                try {
                    s.listener.accept(event);
                } catch (RuntimeException e) {
                    // One broken view must not keep the event from the others.
                    log.warn("A chat event listener failed", e);
                }
            }
        }
    }

    private static final class Subscriber {
        private final StaffPrincipal user;
        private final Consumer<ChatEvent> listener;
        private volatile Set<Long> channelIds = Set.of();

        Subscriber(StaffPrincipal user, Consumer<ChatEvent> listener) {
            this.user = user;
            this.listener = listener;
        }
    }
}
