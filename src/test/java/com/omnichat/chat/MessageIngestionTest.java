package com.omnichat.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnichat.IntegrationTest;
import com.omnichat.base.NotFoundException;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.channel.ClientProfile;
import com.omnichat.channel.InboundMessage;
import com.omnichat.channel.IngestResult;
import com.omnichat.user.StaffFixtures;
import com.omnichat.user.StaffMember;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A channel connector hands client messages to the inbox: leads and chats appear, nothing
 * is stored twice however often (or however concurrently) the channel delivers, closed
 * chats reopen, and the client's messages decide the order of the chat list.
 */
@IntegrationTest
class MessageIngestionTest {

    @Autowired
    StaffFixtures staff;

    @Autowired
    InboxFixtures fixtures;

    @Autowired
    MessageIngestion ingestion;

    @Autowired
    InboxService inbox;

    @Autowired
    JdbcClient jdbc;

    StaffMember anna;
    ChannelInfo telegram;

    @BeforeEach
    void shopWithATelegramBot() {
        anna = staff.manager("anna");
        telegram = fixtures.channel("Telegram · @flowershop_bot", anna);
        staff.signInAs(anna);
    }

    @Test
    void aMessageForAChannelThatDoesNotExistIsRefusedAndNothingIsStored() {
        ClientProfile olena = InboxFixtures.client("tg-1001", "Олена Бондар", "olena_b");

        assertThatThrownBy(() -> ingestion.receive(InboundMessage.text(
                        telegram.id() + 1000, olena, "tg-msg-1", "Добрий день!", fixtures.nextMoment())))
                .isInstanceOf(NotFoundException.class);

        assertThat(fixtures.countRows("message")).isZero();
        assertThat(fixtures.countRows("client")).isZero();
    }

    @Test
    void firstMessageOfANewClientCreatesALeadAndAnOpenUnansweredChat() {
        Instant sentAt = fixtures.nextMoment();
        ClientProfile olena = InboxFixtures.client("tg-1001", "Олена Бондар", "olena_b");

        IngestResult result = ingestion.receive(
                InboundMessage.text(telegram.id(), olena, "tg-msg-1", "Добрий день! Чи є у вас півонії?", sentAt));

        assertThat(result.duplicate()).isFalse();
        ConversationSummary chat = inbox.get(result.conversationId());
        assertThat(chat.state()).isEqualTo(ConversationState.OPEN);
        assertThat(chat.channel().id()).isEqualTo(telegram.id());
        assertThat(chat.unreadCount()).as("badge").isEqualTo(1);
        assertThat(chat.unanswered()).isTrue();
        assertThat(chat.responsible()).as("nobody has answered yet").isNull();
        assertThat(chat.sortAt()).isEqualTo(sentAt);
        assertThat(chat.lastMessageAt()).isEqualTo(sentAt);
        assertThat(chat.lastMessagePreview()).isEqualTo("Добрий день! Чи є у вас півонії?");
        assertThat(chat.lastMessageKind()).isEqualTo(MessageKind.CLIENT);
        assertThat(chat.clientName()).isEqualTo("Олена Бондар");
        assertThat(chat.clientNickname()).isEqualTo("olena_b");

        String leadName = jdbc.sql("select name from client where id = ?")
                .param(chat.clientId())
                .query(String.class)
                .single();
        assertThat(leadName).isEqualTo("Олена Бондар");

        List<MessageView> history = inbox.history(chat.id(), null, 50);
        assertThat(history).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo(result.messageId());
            assertThat(m.kind()).isEqualTo(MessageKind.CLIENT);
            assertThat(m.body()).isEqualTo("Добрий день! Чи є у вас півонії?");
            assertThat(m.createdAt()).isEqualTo(sentAt);
        });
        assertThat(inbox.list(ChatFilter.open(), null, 0, 50))
                .extracting(ConversationSummary::id)
                .containsExactly(chat.id());
    }

    @Test
    void theSameChannelMessageDeliveredTwiceIsStoredOnce() {
        ClientProfile olena = fixtures.newClient("Olena", null);
        var message =
                InboundMessage.text(telegram.id(), olena, "tg-msg-7", "Do you have peonies?", fixtures.nextMoment());

        IngestResult first = ingestion.receive(message);
        IngestResult again = ingestion.receive(message);

        assertThat(again.duplicate()).isTrue();
        assertThat(again.messageId()).isEqualTo(first.messageId());
        assertThat(again.conversationId()).isEqualTo(first.conversationId());
        assertThat(fixtures.messagesWithExternalId(telegram, "tg-msg-7")).isEqualTo(1);
        assertThat(inbox.get(first.conversationId()).unreadCount()).as("badge").isEqualTo(1);
        assertThat(inbox.history(first.conversationId(), null, 50)).hasSize(1);
    }

    @Test
    void theSameMessageIdOnAnotherChannelIsAnotherMessage() {
        ChannelInfo viber = fixtures.channel("Viber · Flower Shop", anna);
        ClientProfile olena = fixtures.newClient("Olena", null);

        IngestResult onTelegram = ingestion.receive(
                InboundMessage.text(telegram.id(), olena, "42", "Hi on Telegram", fixtures.nextMoment()));
        IngestResult onViber =
                ingestion.receive(InboundMessage.text(viber.id(), olena, "42", "Hi on Viber", fixtures.nextMoment()));

        assertThat(onViber.duplicate()).isFalse();
        assertThat(onViber.conversationId()).isNotEqualTo(onTelegram.conversationId());
    }

    @Test
    void twoConcurrentDeliveriesOfTheSameMessageStoreOneRow() throws Exception {
        // Several rounds: the first race of each round also creates the lead, the second hits an existing chat.
        for (int round = 1; round <= 5; round++) {
            ClientProfile client = fixtures.newClient("Racer " + round, null);
            for (String externalId : List.of("race-" + round + "-first", "race-" + round + "-second")) {
                var message = InboundMessage.text(
                        telegram.id(), client, externalId, "Are you open today?", fixtures.nextMoment());

                List<IngestResult> results =
                        InboxFixtures.concurrently(() -> ingestion.receive(message), () -> ingestion.receive(message));

                assertThat(results)
                        .extracting(IngestResult::messageId)
                        .containsOnly(results.getFirst().messageId());
                assertThat(results).extracting(IngestResult::duplicate).containsExactlyInAnyOrder(false, true);
                assertThat(fixtures.messagesWithExternalId(telegram, externalId))
                        .isEqualTo(1);
            }
            long chat = fixtures.write(telegram, client, "(barrier)").conversationId();
            assertThat(inbox.get(chat).unreadCount())
                    .as("two messages and the barrier")
                    .isEqualTo(3);
            assertThat(fixtures.conversationsOf(telegram, client.externalUserId()))
                    .isEqualTo(1);
        }
    }

    @Test
    void concurrentFirstMessagesOfANewClientMakeOneLeadAndOneChat() throws Exception {
        for (int round = 1; round <= 5; round++) {
            ClientProfile client = fixtures.newClient("Twin " + round, null);
            var hello = InboundMessage.text(telegram.id(), client, "hello-" + round, "Hello", fixtures.nextMoment());
            var question = InboundMessage.text(
                    telegram.id(), client, "question-" + round, "Is it in stock?", fixtures.nextMoment());
            int leadsBefore = fixtures.countRows("client");

            List<IngestResult> results =
                    InboxFixtures.concurrently(() -> ingestion.receive(hello), () -> ingestion.receive(question));

            assertThat(results).extracting(IngestResult::duplicate).containsOnly(false);
            assertThat(results.get(0).conversationId()).isEqualTo(results.get(1).conversationId());
            assertThat(fixtures.countRows("client") - leadsBefore)
                    .as("one lead")
                    .isEqualTo(1);
            assertThat(fixtures.conversationsOf(telegram, client.externalUserId()))
                    .isEqualTo(1);
            long chat = results.getFirst().conversationId();
            assertThat(inbox.get(chat).unreadCount()).as("badge").isEqualTo(2);
            assertThat(inbox.history(chat, null, 50))
                    .extracting(MessageView::body)
                    .containsExactlyInAnyOrder("Hello", "Is it in stock?");
        }
    }

    @Test
    void aClientWritingIntoAClosedChatReopensIt() {
        ClientProfile irina = fixtures.newClient("Irina", null);
        long chat =
                fixtures.write(telegram, irina, "Thanks, the bouquet arrived!").conversationId();
        inbox.reply(chat, "Glad you liked it!", null, List.of());
        inbox.close(chat);
        assertThat(inbox.get(chat).state()).isEqualTo(ConversationState.CLOSED);

        fixtures.write(telegram, irina, "One more question, please");

        ConversationSummary reopened = inbox.get(chat);
        assertThat(reopened.state()).isEqualTo(ConversationState.OPEN);
        assertThat(reopened.unreadCount()).isEqualTo(1);
        assertThat(reopened.unanswered()).isTrue();
        assertThat(inbox.history(chat, null, 50))
                .extracting(MessageView::systemCode)
                .containsSubsequence("closed", "reopened-by-client");
        assertThat(inbox.list(ChatFilter.open(), null, 0, 50))
                .extracting(ConversationSummary::id)
                .contains(chat);
    }

    @Test
    void aClientMessageRaisesTheChatToTheTopOfTheList() {
        long olena = fixtures.newChat(telegram, "Olena");
        long dmytro = fixtures.newChat(telegram, "Dmytro");
        ClientProfile emmaProfile = fixtures.newClient("Emma", null);
        long emma = fixtures.write(telegram, emmaProfile, "Hi!").conversationId();
        assertThat(listedIds()).containsExactly(emma, dmytro, olena);

        Instant later = fixtures.nextMoment();
        ClientProfile olenaProfile = clientOf(olena);
        fixtures.write(telegram, olenaProfile, "Any news?", later);

        assertThat(listedIds()).containsExactly(olena, emma, dmytro);
        assertThat(inbox.get(olena).sortAt()).isEqualTo(later);
    }

    @Test
    void aManagerReplyDoesNotChangeTheOrder() {
        long olena = fixtures.newChat(telegram, "Olena");
        long dmytro = fixtures.newChat(telegram, "Dmytro");
        long emma = fixtures.newChat(telegram, "Emma");
        Instant olenaSortAt = inbox.get(olena).sortAt();

        inbox.reply(olena, "Hello Olena, how can I help?", null, List.of());

        assertThat(listedIds()).containsExactly(emma, dmytro, olena);
        ConversationSummary answered = inbox.get(olena);
        assertThat(answered.sortAt()).isEqualTo(olenaSortAt);
        assertThat(answered.lastMessageKind()).isEqualTo(MessageKind.MANAGER);
        assertThat(answered.lastMessagePreview()).isEqualTo("Hello Olena, how can I help?");
    }

    private List<Long> listedIds() {
        return inbox.list(ChatFilter.open(), null, 0, 50).stream()
                .map(ConversationSummary::id)
                .toList();
    }

    /** The profile of the client who started this chat (his channel user id, as the channel would send it). */
    private ClientProfile clientOf(long conversationId) {
        return jdbc.sql("""
                        select i.external_user_id, c.client_name from conversation c
                        join client_identity i on i.id = c.identity_id where c.id = ?""")
                .param(conversationId)
                .query((rs, n) -> InboxFixtures.client(rs.getString(1), rs.getString(2), null))
                .single();
    }
}
