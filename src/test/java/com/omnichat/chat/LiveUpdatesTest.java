package com.omnichat.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.IntegrationTest;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.channel.ChannelType;
import com.omnichat.channel.InboundMessage;
import com.omnichat.channel.IngestResult;
import com.omnichat.chat.ChatEvent.Type;
import com.omnichat.user.StaffFixtures;
import com.omnichat.user.StaffMember;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Live updates go through PostgreSQL LISTEN/NOTIFY: every subscriber who may see a chat
 * hears of a committed change within moments; others hear nothing, and a rolled-back
 * transaction sends nothing at all.
 * <p>
 * "Nothing arrived" is proven without waiting for a timeout: notifications arrive in commit
 * order on one connection, so once a later (barrier) event has arrived, an earlier one
 * would have arrived before it.
 */
@IntegrationTest
class LiveUpdatesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Autowired
    StaffFixtures staff;

    @Autowired
    InboxFixtures fixtures;

    @Autowired
    ChatUpdates updates;

    @Autowired
    InboxService inbox;

    @Autowired
    MessageIngestion ingestion;

    @Autowired
    TransactionTemplate transaction;

    StaffMember olena;
    StaffMember anna;
    StaffMember max;
    ChannelInfo telegram;
    ChannelInfo viber;
    final List<Runnable> subscriptions = new CopyOnWriteArrayList<>();

    @BeforeEach
    void annaWorksTelegramMaxWorksViber() {
        olena = staff.administrator("olena");
        anna = staff.manager("anna");
        max = staff.manager("max");
        telegram = fixtures.channel("Telegram · @flowershop_bot", anna);
        viber = fixtures.channel(ChannelType.VIBER, "Viber · Flower Shop", max);
    }

    @AfterEach
    void unsubscribe() {
        subscriptions.forEach(Runnable::run);
    }

    @Test
    void aCommittedClientMessageReachesEveryoneWhoMaySeeTheChat() throws InterruptedException {
        Inbox annasScreen = subscribe(anna);
        Inbox olenasScreen = subscribe(olena);

        long chat = fixtures.newChat(telegram, "Olena Bondar");

        ChatEvent heard = annasScreen.await(e -> e.conversationId() == chat);
        assertThat(heard).isEqualTo(new ChatEvent(Type.MESSAGE, chat, telegram.id(), null));
        assertThat(olenasScreen.await(e -> e.conversationId() == chat).type()).isEqualTo(Type.MESSAGE);
    }

    @Test
    void aSubscriberWithoutAccessToTheChannelHearsNothing() throws InterruptedException {
        Inbox annasScreen = subscribe(anna);
        Inbox maxsScreen = subscribe(max);

        long telegramChat = fixtures.newChat(telegram, "Olena Bondar");
        annasScreen.await(e -> e.conversationId() == telegramChat);
        long barrier = fixtures.newChat(viber, "Dmytro Sokolov");
        maxsScreen.await(e -> e.conversationId() == barrier);

        assertThat(maxsScreen.received()).extracting(ChatEvent::conversationId).doesNotContain(telegramChat);
        assertThat(annasScreen.received()).extracting(ChatEvent::conversationId).doesNotContain(barrier);
    }

    @Test
    void aRolledBackIngestionSendsNothing() throws InterruptedException {
        Inbox annasScreen = subscribe(anna);

        String messageId = fixtures.newMessageId();
        var message = InboundMessage.text(
                telegram.id(), fixtures.newClient("Ghost", null), messageId, "Boo", fixtures.nextMoment());
        IngestResult rolledBack = transaction.execute(status -> {
            IngestResult result = ingestion.receive(message);
            status.setRollbackOnly();
            return result;
        });
        long barrier = fixtures.newChat(telegram, "Olena Bondar");
        annasScreen.await(e -> e.conversationId() == barrier);

        assertThat(annasScreen.received())
                .extracting(ChatEvent::conversationId)
                .doesNotContain(rolledBack.conversationId());
        assertThat(fixtures.messagesWithExternalId(telegram, messageId)).isZero();
    }

    @Test
    void repliesAssignmentsAndClosingAreAnnouncedToo() throws InterruptedException {
        Inbox olenasScreen = subscribe(olena);
        long chat = fixtures.newChat(telegram, "Olena Bondar");
        assertThat(olenasScreen.await(e -> e.conversationId() == chat).type()).isEqualTo(Type.MESSAGE);
        staff.signInAs(anna);

        inbox.reply(chat, "Hello!", null, List.of());
        assertThat(olenasScreen.await(e -> e.conversationId() == chat).type()).isEqualTo(Type.UPDATED);
        inbox.close(chat);
        assertThat(olenasScreen.await(e -> e.conversationId() == chat).type()).isEqualTo(Type.UPDATED);
    }

    @Test
    void aChannelGrantedWhileTheInboxIsOpenIsHeardWithoutReload() throws InterruptedException {
        Inbox annasScreen = subscribe(anna);

        ChannelInfo instagram = fixtures.channel(ChannelType.INSTAGRAM, "Instagram · @flowershop.ua", anna);
        long chat = fixtures.newChat(instagram, "Taras Melnyk");

        assertThat(annasScreen.await(e -> e.conversationId() == chat).type()).isEqualTo(Type.MESSAGE);
    }

    private Inbox subscribe(StaffMember member) {
        var screen = new Inbox();
        subscriptions.add(updates.subscribe(staff.principalOf(member), screen.queue::add));
        return screen;
    }

    /** What one user's open chats page hears. */
    static final class Inbox {

        final BlockingQueue<ChatEvent> queue = new LinkedBlockingQueue<>();
        private final List<ChatEvent> seen = new CopyOnWriteArrayList<>();

        /** Waits for the first not yet consumed event matching the condition. */
        ChatEvent await(Predicate<ChatEvent> condition) throws InterruptedException {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (true) {
                long left = deadline - System.nanoTime();
                ChatEvent event = queue.poll(Math.max(left, 0), TimeUnit.NANOSECONDS);
                if (event == null) {
                    throw new AssertionError("No matching event within " + PATIENCE + "; heard " + seen);
                }
                seen.add(event);
                if (condition.test(event)) {
                    return event;
                }
            }
        }

        /** Everything heard so far. */
        List<ChatEvent> received() {
            List<ChatEvent> all = new java.util.ArrayList<>(seen);
            queue.drainTo(all);
            seen.clear();
            seen.addAll(all);
            return all;
        }
    }
}
