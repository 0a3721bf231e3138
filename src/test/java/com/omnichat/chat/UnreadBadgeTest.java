package com.omnichat.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.IntegrationTest;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.channel.ClientProfile;
import com.omnichat.user.StaffFixtures;
import com.omnichat.user.StaffMember;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The badge counts the client's messages since the last manager <em>reply</em>, not since
 * the last view: reading the chat or writing a note leaves it alone, only a reply clears it.
 */
@IntegrationTest
class UnreadBadgeTest {

    @Autowired
    StaffFixtures staff;

    @Autowired
    InboxFixtures fixtures;

    @Autowired
    InboxService inbox;

    ChannelInfo telegram;
    ClientProfile olena;
    long chat;

    @BeforeEach
    void olenaAsksThreeQuestions() {
        StaffMember anna = staff.manager("anna");
        telegram = fixtures.channel("Telegram · @flowershop_bot", anna);
        staff.signInAs(anna);
        olena = fixtures.newClient("Olena Bondar", "olena_b");
        chat = fixtures.write(telegram, olena, "Good morning!").conversationId();
        fixtures.write(telegram, olena, "Do you have peonies?");
        fixtures.write(telegram, olena, "And can you deliver tomorrow?");
    }

    @Test
    void everyClientMessageRaisesTheBadge() {
        ConversationSummary summary = inbox.get(chat);
        assertThat(summary.unreadCount()).isEqualTo(3);
        assertThat(summary.unanswered()).isTrue();
    }

    @Test
    void openingAndReadingTheChatDoesNotClearTheBadge() {
        inbox.get(chat);
        List<MessageView> history = inbox.history(chat, null, 50);
        inbox.message(chat, history.getLast().id());

        assertThat(inbox.get(chat).unreadCount()).isEqualTo(3);
        assertThat(inbox.get(chat).unanswered()).isTrue();
        assertThat(inbox.list(ChatFilter.open(), null, 0, 10))
                .singleElement()
                .extracting(ConversationSummary::unreadCount)
                .isEqualTo(3);
    }

    @Test
    void aNoteDoesNotClearTheBadge() {
        inbox.addNote(chat, "Regular client, offer 5% off");

        ConversationSummary summary = inbox.get(chat);
        assertThat(summary.unreadCount()).isEqualTo(3);
        assertThat(summary.unanswered()).isTrue();
        assertThat(summary.responsible())
                .as("a note does not make anyone responsible")
                .isNull();
        assertThat(inbox.history(chat, null, 50).getLast()).satisfies(note -> {
            assertThat(note.kind()).isEqualTo(MessageKind.NOTE);
            assertThat(note.body()).isEqualTo("Regular client, offer 5% off");
            assertThat(note.status()).as("a note is never sent").isNull();
        });
    }

    @Test
    void aReplyClearsTheBadgeAndAnswersTheChat() {
        inbox.reply(chat, "Yes, we have peonies and can deliver tomorrow.", null, List.of());

        ConversationSummary summary = inbox.get(chat);
        assertThat(summary.unreadCount()).isZero();
        assertThat(summary.unanswered()).isFalse();
    }

    @Test
    void aClientMessageAfterTheReplyStartsTheBadgeAgainAtOne() {
        inbox.reply(chat, "Yes, we have peonies.", null, List.of());

        fixtures.write(telegram, olena, "Great, I'll take five!");

        ConversationSummary summary = inbox.get(chat);
        assertThat(summary.unreadCount()).isEqualTo(1);
        assertThat(summary.unanswered()).isTrue();
    }
}
