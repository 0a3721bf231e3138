package com.omnichat.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.IntegrationTest;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.sales.DeliveryMethod;
import com.omnichat.sales.OrderDraft;
import com.omnichat.sales.OrderLineDraft;
import com.omnichat.sales.OrderService;
import com.omnichat.sales.OrderStatus;
import com.omnichat.sales.PaymentMethod;
import com.omnichat.sales.RequestDraft;
import com.omnichat.sales.RequestService;
import com.omnichat.sales.SalesFixtures;
import com.omnichat.sales.SalesRequest;
import com.omnichat.user.StaffFixtures;
import com.omnichat.user.StaffMember;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The chat's record of sales made from it: "request #N created" and "order #N created" in
 * the reader's language, and open views of the chat told about every change.
 */
@IntegrationTest
class SalesNotesTest {

    @Autowired
    StaffFixtures staff;

    @Autowired
    InboxFixtures fixtures;

    @Autowired
    InboxService inbox;

    @Autowired
    RequestService requests;

    @Autowired
    OrderService orders;

    @Autowired
    ChatUpdates updates;

    @Autowired
    SalesFixtures sales;

    StaffMember anna;
    ChannelInfo telegram;
    long chat;
    long client;
    Runnable unsubscribe = () -> {};

    @BeforeEach
    void annaChatsWithOlena() {
        anna = staff.manager("anna");
        telegram = fixtures.channel("Telegram · @flowershop_bot", anna);
        chat = fixtures.newChat(telegram, "Olena Bondar");
        client = sales.clientOf(chat);
        staff.signInAs(anna);
    }

    @AfterEach
    void stopListening() {
        unsubscribe.run();
    }

    @Test
    void requestsAndOrdersMadeFromTheChatAreNotedThereInOrder() {
        SalesRequest request = requests.create(client, chat, new RequestDraft("Wedding", null, null, null, null, null));
        sales.makeBuyer(client);
        long order = orders.create(client, chat, order()).number();

        List<MessageView> history = inbox.history(chat, null, 10);
        assertThat(history).extracting(MessageView::systemCode).endsWith("request-created", "order-created");
        assertThat(history.getLast().systemArgs()).containsExactly("Anna Tester", String.valueOf(order));
        assertThat(com.omnichat.base.TranslationProvider.translate(
                        "system.request-created",
                        com.omnichat.base.TranslationProvider.UKRAINIAN,
                        "Anna Tester",
                        String.valueOf(request.number())))
                .isEqualTo("Anna Tester створив(-ла) заявку #" + request.number());
    }

    @Test
    void requestsWithoutAChatWriteNothingIntoAnyChat() {
        int before = inbox.history(chat, null, 50).size();

        requests.create(client, null, new RequestDraft("Wedding", null, null, null, null, telegram.id()));

        assertThat(inbox.history(chat, null, 50)).hasSize(before);
    }

    @Test
    void editingARequestTellsOpenViewsOfItsChat() throws InterruptedException {
        BlockingQueue<ChatEvent> heard = new LinkedBlockingQueue<>();
        unsubscribe = updates.subscribe(staff.principalOf(anna), heard::add);
        SalesRequest request = requests.create(client, chat, new RequestDraft("Wedding", null, null, null, null, null));
        assertThat(nextUpdateOf(heard)).as("the note of the new request").isTrue();

        requests.update(
                request.id(), new RequestDraft("Wedding, 120 guests", null, null, null, null, null), request.version());

        // Notifications arrive in commit order: the next update of the chat is the edit's.
        assertThat(nextUpdateOf(heard)).as("the edit").isTrue();
    }

    private boolean nextUpdateOf(BlockingQueue<ChatEvent> heard) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            ChatEvent event = heard.poll(200, TimeUnit.MILLISECONDS);
            if (event != null && event.conversationId() == chat && event.type() == ChatEvent.Type.UPDATED) {
                return true;
            }
        }
        return false;
    }

    private static OrderDraft order() {
        return new OrderDraft(
                OrderStatus.NEW,
                List.of(new OrderLineDraft(null, "Peonies", BigDecimal.ONE, new BigDecimal("150"))),
                DeliveryMethod.PICKUP,
                null,
                PaymentMethod.CASH,
                false,
                null,
                null);
    }
}
