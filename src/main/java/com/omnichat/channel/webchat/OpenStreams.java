package com.omnichat.channel.webchat;

import com.omnichat.base.ClientAddress;
import com.omnichat.channel.webchat.VisitorStreams.Listener;
import com.omnichat.channel.webchat.VisitorStreams.VisitorKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The open streams and long polls of this node: by visitor (to push to them) and counted by
 * client address and in total (to cap them). Opening and closing change all of it under one
 * lock, so a stream opened while another of the visitor's is closed can never be dropped
 * with the other's entry; pushing and heartbeats read immutable snapshots without locking.
 */
final class OpenStreams {

    /** At most this many open per client address (IPv6: per /64) and on this node in all. */
    record Caps(int perAddress, int total) {}

    /** One open stream; closed at most once. */
    final class Entry {

        private final VisitorKey key;
        private final String address;
        private final Listener listener;

        private Entry(VisitorKey key, String address, Listener listener) {
            this.key = key;
            this.address = address;
            this.listener = listener;
        }

        Listener listener() {
            return listener;
        }

        /** Closes the stream's entry (idempotent). */
        void close() {
            synchronized (lock) {
                List<Entry> open = byVisitor.get(key);
                if (open == null || !open.contains(this)) {
                    return;
                }
                List<Entry> rest = new ArrayList<>(open);
                rest.remove(this);
                if (rest.isEmpty()) {
                    byVisitor.remove(key);
                } else {
                    byVisitor.put(key, List.copyOf(rest));
                }
                release(this);
            }
        }
    }

    /** An opened stream and the visitor's oldest ones it pushed out (to be ended by the caller). */
    record Opened(Entry entry, List<Listener> pushedOut) {}

    private final Object lock = new Object();
    private final Caps caps;
    private final int perVisitor;
    /** Written under the lock only, each value an immutable list. */
    private final Map<VisitorKey, List<Entry>> byVisitor = new ConcurrentHashMap<>();

    private final Map<String, Integer> byAddress = new HashMap<>();
    private int total;

    OpenStreams(Caps caps, int perVisitor) {
        this.caps = caps;
        this.perVisitor = perVisitor;
    }

    /** Opens the stream unless its address or the node is at its cap. */
    Optional<Opened> open(VisitorKey key, String address, Listener listener) {
        String counted = ClientAddress.key(address);
        synchronized (lock) {
            if (total >= caps.total() || byAddress.getOrDefault(counted, 0) >= caps.perAddress()) {
                return Optional.empty();
            }
            var entry = new Entry(key, counted, listener);
            List<Entry> open = new ArrayList<>(byVisitor.getOrDefault(key, List.of()));
            open.add(entry);
            byAddress.merge(counted, 1, Integer::sum);
            total++;
            // A visitor has a few tabs open, not hundreds: beyond that the oldest streams end.
            List<Listener> pushedOut = new ArrayList<>();
            while (open.size() > perVisitor) {
                Entry oldest = open.removeFirst();
                release(oldest);
                pushedOut.add(oldest.listener());
            }
            byVisitor.put(key, List.copyOf(open));
            return Optional.of(new Opened(entry, pushedOut));
        }
    }

    /** The visitor's open streams now. */
    List<Entry> of(VisitorKey key) {
        return byVisitor.getOrDefault(key, List.of());
    }

    void forEach(BiConsumer<VisitorKey, Entry> action) {
        byVisitor.forEach((key, entries) -> entries.forEach(entry -> action.accept(key, entry)));
    }

    /** Forgets every stream; returns their listeners (to be ended). */
    List<Listener> clear() {
        synchronized (lock) {
            List<Listener> all = byVisitor.values().stream()
                    .flatMap(List::stream)
                    .map(Entry::listener)
                    .toList();
            byVisitor.clear();
            byAddress.clear();
            total = 0;
            return all;
        }
    }

    int openFrom(String address) {
        synchronized (lock) {
            return byAddress.getOrDefault(ClientAddress.key(address), 0);
        }
    }

    int total() {
        synchronized (lock) {
            return total;
        }
    }

    private void release(Entry entry) {
        byAddress.computeIfPresent(entry.address, (a, n) -> n <= 1 ? null : n - 1);
        total--;
    }
}
