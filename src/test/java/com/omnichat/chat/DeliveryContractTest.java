package com.omnichat.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnichat.IntegrationTest;
import com.omnichat.base.UserFacingException;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.channel.DeliveryQueue;
import com.omnichat.channel.DeliveryState;
import com.omnichat.user.StaffFixtures;
import com.omnichat.user.StaffMember;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * A manager's reply is stored as pending and queued for the channel (the channel module's DeliveryQueue); the
 * connector reports back through DeliveryService. Statuses only move forward; a permanent
 * failure is shown with its reason and can be retried.
 */
@IntegrationTest
@RecordApplicationEvents
class DeliveryContractTest {

    @Autowired
    StaffFixtures staff;

    @Autowired
    InboxFixtures fixtures;

    @Autowired
    InboxService inbox;

    @Autowired
    DeliveryService delivery;

    @Autowired
    DeliveryQueue queue;

    @Autowired
    ApplicationEvents events;

    StaffMember anna;
    ChannelInfo telegram;
    long chat;

    @BeforeEach
    void olenaAsks() {
        anna = staff.manager("anna");
        telegram = fixtures.channel("Telegram · @flowershop_bot", anna);
        chat = fixtures.newChat(telegram, "Olena Bondar");
        staff.signInAs(anna);
    }

    @Test
    void aReplyIsStoredAsPendingAndQueuedForDelivery() {
        long reply = inbox.reply(chat, "Yes, we have peonies.", null, List.of());

        assertThat(events.stream(DeliveryQueue.MessageEnqueued.class))
                .containsExactly(new DeliveryQueue.MessageEnqueued(reply, telegram.id()));
        assertThat(queue.state(reply)).get().extracting(DeliveryState::status).isEqualTo(DeliveryState.Status.QUEUED);
        MessageView stored = inbox.message(chat, reply);
        assertThat(stored.kind()).isEqualTo(MessageKind.MANAGER);
        assertThat(stored.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(stored.authorId()).isEqualTo(anna.id());
        assertThat(stored.authorName()).isEqualTo(anna.fullName());
    }

    @Test
    void aNoteIsNeverQueued() {
        inbox.addNote(chat, "Call her back tomorrow");

        assertThat(events.stream(DeliveryQueue.MessageEnqueued.class)).isEmpty();
    }

    @Test
    void statusesMoveForward() {
        long reply = inbox.reply(chat, "Yes, we have peonies.", null, List.of());

        delivery.sent(reply, "tg-out-1");
        assertThat(statusOf(reply)).isEqualTo(DeliveryStatus.SENT);
        delivery.delivered(telegram.id(), "tg-out-1");
        assertThat(statusOf(reply)).isEqualTo(DeliveryStatus.DELIVERED);
        delivery.read(telegram.id(), "tg-out-1");
        assertThat(statusOf(reply)).isEqualTo(DeliveryStatus.READ);
    }

    @Test
    void aLateDeliveredReportDoesNotUndoRead() {
        long reply = inbox.reply(chat, "Yes, we have peonies.", null, List.of());
        delivery.sent(reply, "tg-out-2");

        delivery.read(telegram.id(), "tg-out-2");
        delivery.delivered(telegram.id(), "tg-out-2");
        delivery.sent(reply, "tg-out-2");

        assertThat(statusOf(reply)).isEqualTo(DeliveryStatus.READ);
    }

    @Test
    void reportsAboutUnknownMessagesAreIgnored() {
        long reply = inbox.reply(chat, "Yes, we have peonies.", null, List.of());

        delivery.delivered(telegram.id(), "no-such-message");
        delivery.read(telegram.id(), "no-such-message");

        assertThat(statusOf(reply)).isEqualTo(DeliveryStatus.PENDING);
    }

    @Test
    void aPermanentFailureIsShownWithItsReason() {
        long reply = inbox.reply(chat, "Yes, we have peonies.", null, List.of());

        delivery.failed(reply, "Forbidden: bot was blocked by the user");

        MessageView failed = inbox.message(chat, reply);
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.failureReason()).isEqualTo("Forbidden: bot was blocked by the user");
        assertThat(inbox.history(chat, null, 50).getLast()).satisfies(system -> {
            assertThat(system.kind()).isEqualTo(MessageKind.SYSTEM);
            assertThat(system.systemCode()).isEqualTo("delivery-failed");
            assertThat(system.systemArgs()).containsExactly("Forbidden: bot was blocked by the user");
        });
    }

    @Test
    void aFailureReportAfterDeliveryChangesNothing() {
        long reply = inbox.reply(chat, "Yes, we have peonies.", null, List.of());
        delivery.sent(reply, "tg-out-3");
        delivery.delivered(telegram.id(), "tg-out-3");

        delivery.failed(reply, "Timeout");

        assertThat(statusOf(reply)).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(inbox.history(chat, null, 50))
                .extracting(MessageView::systemCode)
                .doesNotContain("delivery-failed");
    }

    @Test
    void retryQueuesAFailedMessageAgain() {
        long reply = inbox.reply(chat, "Yes, we have peonies.", null, List.of());
        delivery.failed(reply, "Too Many Requests: retry after 30");

        inbox.retry(chat, reply);

        MessageView retried = inbox.message(chat, reply);
        assertThat(retried.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(retried.failureReason()).isNull();
        assertThat(events.stream(DeliveryQueue.MessageEnqueued.class))
                .containsExactly(
                        new DeliveryQueue.MessageEnqueued(reply, telegram.id()),
                        new DeliveryQueue.MessageEnqueued(reply, telegram.id()));
    }

    @Test
    void onlyAFailedMessageCanBeRetried() {
        long reply = inbox.reply(chat, "Yes, we have peonies.", null, List.of());
        long clientMessage = inbox.history(chat, null, 50).getFirst().id();

        assertThatThrownBy(() -> inbox.retry(chat, reply))
                .isInstanceOfSatisfying(
                        UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("chat.error.not-retryable"));
        assertThatThrownBy(() -> inbox.retry(chat, clientMessage)).isInstanceOf(UserFacingException.class);
        assertThat(events.stream(DeliveryQueue.MessageEnqueued.class)).hasSize(1);
    }

    private DeliveryStatus statusOf(long messageId) {
        return inbox.message(chat, messageId).status();
    }
}
