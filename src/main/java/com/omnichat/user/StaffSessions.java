package com.omnichat.user;

import com.omnichat.base.ClusterBroadcaster;
import com.omnichat.base.StaffPrincipal;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.session.HttpSessionCreatedEvent;
import org.springframework.security.web.session.HttpSessionDestroyedEvent;
import org.springframework.security.web.session.HttpSessionIdChangedEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Ends a user's sessions on every node when his role, password or state changes. The change
 * is announced through PostgreSQL {@code NOTIFY} at commit (nothing is announced for a change
 * that rolls back); each node, the announcing one included, then expires its own sessions of
 * that user (Spring Security's registry) and invalidates them, which closes their Vaadin
 * sessions: an open view is reloaded and lands on the sign-in page. The notification names
 * the session to keep (the one a user changed his own password in) only by a hash.
 */
@Component
class StaffSessions implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StaffSessions.class);

    private final SessionRegistry registry;
    private final ClusterBroadcaster broadcaster;
    private final StaffStandings standings;
    /** This node's HTTP sessions by id: the registry knows ids only, invalidating needs the session. */
    private final Map<String, HttpSession> live = new ConcurrentHashMap<>();

    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("staff-sessions").factory());
    private final Runnable unsubscribe;

    StaffSessions(SessionRegistry registry, ClusterBroadcaster broadcaster, StaffStandings standings) {
        this.registry = registry;
        this.broadcaster = broadcaster;
        this.standings = standings;
        this.unsubscribe = broadcaster.subscribe(SessionsEnded.class, this::onBroadcast);
    }

    /**
     * Ends every session of the user on every node, except {@code keepSessionId}, when the
     * current transaction commits.
     */
    void endAll(long userId, @Nullable String keepSessionId) {
        broadcaster.publish(new SessionsEnded(userId, keepSessionId == null ? null : hash(keepSessionId)));
        // This node's services read the new role at once, not only when the notification comes back.
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    standings.forget(userId);
                }
            });
        } else {
            standings.forget(userId);
        }
    }

    /** The HTTP session of the request being served, if any (a Vaadin push message has no servlet request). */
    static @Nullable String currentSessionId() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpSession session = attributes.getRequest().getSession(false);
            if (session != null) {
                return session.getId();
            }
        }
        VaadinSession vaadin = VaadinSession.getCurrent();
        return vaadin != null && vaadin.getSession() != null
                ? vaadin.getSession().getId()
                : null;
    }

    private void onBroadcast(SessionsEnded event) {
        standings.forget(event.userId());
        worker.execute(() -> expire(event.userId(), event.keepSessionHash()));
    }

    private void expire(long userId, @Nullable String keepHash) {
        for (Object principal : registry.getAllPrincipals()) {
            if (!(principal instanceof StaffPrincipal staff) || staff.id() != userId) {
                continue;
            }
            for (SessionInformation info : registry.getAllSessions(principal, false)) {
                if (keepHash != null && keepHash.equals(hash(info.getSessionId()))) {
                    continue;
                }
                info.expireNow();
                HttpSession session = live.get(info.getSessionId());
                if (session != null) {
                    end(session);
                }
            }
        }
    }

    private static void end(HttpSession session) {
        try {
            for (String name : Collections.list(session.getAttributeNames())) {
                if (session.getAttribute(name) instanceof VaadinSession vaadin) {
                    // Reloaded, the page finds no session and goes to the sign-in page.
                    vaadin.access(
                            () -> vaadin.getUIs().forEach(ui -> ui.getPage().reload()));
                }
            }
            session.invalidate();
        } catch (IllegalStateException alreadyInvalidated) {
            // Ended meanwhile: nothing left to do.
        } catch (RuntimeException e) {
            log.warn("Could not end a session: {}", e.toString());
        }
    }

    @EventListener
    void on(HttpSessionCreatedEvent event) {
        live.put(event.getSession().getId(), event.getSession());
    }

    @EventListener
    void on(HttpSessionIdChangedEvent event) {
        HttpSession session = live.remove(event.getOldSessionId());
        if (session != null) {
            live.put(event.getNewSessionId(), session);
        }
    }

    @EventListener
    void on(HttpSessionDestroyedEvent event) {
        live.remove(event.getId());
    }

    private static String hash(String sessionId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void destroy() {
        unsubscribe.run();
        worker.shutdown();
    }
}
