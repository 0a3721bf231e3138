package com.omnichat.chat;

import com.omnichat.base.SystemAccess;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.channel.ChannelService;
import com.omnichat.channel.ChannelType;
import com.omnichat.channel.ClientProfile;
import com.omnichat.channel.InboundMessage;
import com.omnichat.channel.IngestResult;
import com.omnichat.user.StaffMember;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The inbox side of a use case: channels and who may use them, clients and the messages
 * they write (through the real {@link MessageIngestion}, as a channel connector would), and
 * a clock of distinct past moments so the order of the chat list is predictable.
 */
public class InboxFixtures {

    /** Every moment handed out lies after this one and before now (one second apart). */
    private static final Instant START =
            Instant.now().minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);

    private final AtomicLong seconds = new AtomicLong();
    private final AtomicLong ids = new AtomicLong();
    private final ChannelService channels;
    private final MessageIngestion ingestion;
    private final JdbcClient jdbc;

    InboxFixtures(ChannelService channels, MessageIngestion ingestion, JdbcClient jdbc) {
        this.channels = channels;
        this.ingestion = ingestion;
        this.jdbc = jdbc;
    }

    /** A Telegram channel the given managers may use (created by an administrator). */
    public ChannelInfo channel(String name, StaffMember... managers) {
        return channel(ChannelType.TELEGRAM, name, managers);
    }

    public ChannelInfo channel(ChannelType type, String name, StaffMember... managers) {
        Set<Long> userIds = Arrays.stream(managers).map(StaffMember::id).collect(Collectors.toSet());
        return SystemAccess.call(() -> channels.create(type, name, userIds));
    }

    /** Lets the manager use the channel from now on. */
    public void grant(ChannelInfo channel, StaffMember manager) {
        jdbc.sql("insert into channel_access (channel_id, user_id) values (?, ?)")
                .params(channel.id(), manager.id())
                .update();
    }

    /** A client as a channel describes him; {@code userId} is his id on that channel. */
    public static ClientProfile client(String userId, String name, @Nullable String nickname) {
        return new ClientProfile(userId, name, nickname, null);
    }

    /** A new client (with a fresh channel user id) of this name. */
    public ClientProfile newClient(String name, @Nullable String nickname) {
        return client("user-" + ids.incrementAndGet(), name, nickname);
    }

    /** A moment after every moment handed out before, in whole seconds and in the past. */
    public Instant nextMoment() {
        return START.plusSeconds(seconds.incrementAndGet());
    }

    /** A fresh channel message id. */
    public String newMessageId() {
        return "msg-" + ids.incrementAndGet();
    }

    /** The client writes {@code text} now (at the next moment). */
    public IngestResult write(ChannelInfo channel, ClientProfile client, String text) {
        return write(channel, client, text, nextMoment());
    }

    public IngestResult write(ChannelInfo channel, ClientProfile client, String text, Instant at) {
        return ingestion.receive(InboundMessage.text(channel.id(), client, newMessageId(), text, at));
    }

    /** A new client writes his first message; returns the new chat's id. */
    public long newChat(ChannelInfo channel, String clientName) {
        return newChat(channel, clientName, null);
    }

    public long newChat(ChannelInfo channel, String clientName, @Nullable String nickname) {
        return write(channel, newClient(clientName, nickname), "Hello from " + clientName)
                .conversationId();
    }

    /** How many stored messages carry this channel message id. */
    public int messagesWithExternalId(ChannelInfo channel, String externalId) {
        return jdbc.sql("select count(*) from message where channel_id = ? and external_id = ?")
                .params(channel.id(), externalId)
                .query(Integer.class)
                .single();
    }

    /** How many chats and leads exist for a client id on a channel. */
    public int conversationsOf(ChannelInfo channel, String externalUserId) {
        return jdbc.sql("""
                        select count(*) from conversation c join client_identity i on i.id = c.identity_id
                        where i.channel_id = ? and i.external_user_id = ?""")
                .params(channel.id(), externalUserId)
                .query(Integer.class)
                .single();
    }

    public int countRows(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }

    /**
     * Runs the tasks on their own threads, released at the same instant by a latch, and
     * returns their results in order (rethrowing the first failure).
     */
    @SafeVarargs
    public static <T> List<T> concurrently(Callable<T>... tasks) throws Exception {
        var ready = new CountDownLatch(tasks.length);
        var go = new CountDownLatch(1);
        ExecutorService executor = Executors.newFixedThreadPool(tasks.length);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(executor.submit(() -> {
                    ready.countDown();
                    if (!go.await(10, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("Not released");
                    }
                    return task.call();
                }));
            }
            if (!ready.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Threads did not start");
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                try {
                    results.add(future.get(30, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
            return results;
        } finally {
            executor.shutdownNow();
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Threads still running");
            }
        }
    }
}
