package com.omnichat.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.IntegrationTest;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.channel.ChannelType;
import com.omnichat.customer.CardFixtures;
import com.omnichat.customer.ClientCardService;
import com.omnichat.customer.ClientService;
import com.omnichat.customer.ClientSummary;
import com.omnichat.user.StaffFixtures;
import com.omnichat.user.StaffMember;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A change on a buyer's card reaches everyone looking at any of his chats (their cards and
 * lists refresh), and the chats of a linked lead follow him to the buyer.
 */
@IntegrationTest
class ClientCardTrailTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Autowired
    StaffFixtures staff;

    @Autowired
    InboxFixtures fixtures;

    @Autowired
    InboxService inbox;

    @Autowired
    ChatUpdates updates;

    @Autowired
    ClientService clients;

    @Autowired
    ClientCardService cards;

    @Autowired
    CardFixtures customers;

    StaffMember anna;
    ChannelInfo telegram;
    ChannelInfo viber;
    Runnable unsubscribe = () -> {};

    @BeforeEach
    void annaWorksTelegramAndViber() {
        anna = staff.manager("anna");
        telegram = fixtures.channel("Telegram shop", anna);
        viber = fixtures.channel(ChannelType.VIBER, "Viber shop", anna);
        staff.signInAs(anna);
    }

    @AfterEach
    void stopListening() {
        unsubscribe.run();
    }

    @Test
    void renamingABuyerUpdatesAllHisChatsLive() throws InterruptedException {
        long telegramChat = fixtures.newChat(telegram, "Olena Bondar");
        ClientSummary buyer = customers.buyer(telegramChat, null, null);
        long viberChat = fixtures.newChat(viber, "O. B.");
        ClientSummary lead = customers.clientOf(viberChat);
        buyer = clients.summary(cards.linkToBuyer(lead.id(), lead.version(), buyer.id(), viberChat)
                .id());
        BlockingQueue<ChatEvent> heard = new LinkedBlockingQueue<>();
        unsubscribe = updates.subscribe(staff.principalOf(anna), heard::add);

        cards.rename(buyer.id(), buyer.version(), "Olena Bondar-Shevchuk", null);

        Set<Long> updated = new HashSet<>();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (updated.size() < 2 && System.nanoTime() < deadline) {
            ChatEvent event = heard.poll(200, TimeUnit.MILLISECONDS);
            if (event != null && event.type() == ChatEvent.Type.UPDATED) {
                updated.add(event.conversationId());
            }
        }
        assertThat(updated).containsExactlyInAnyOrder(telegramChat, viberChat);
        assertThat(inbox.get(telegramChat).clientName()).isEqualTo("Olena Bondar-Shevchuk");
        assertThat(inbox.get(viberChat).clientName()).isEqualTo("Olena Bondar-Shevchuk");
    }
}
