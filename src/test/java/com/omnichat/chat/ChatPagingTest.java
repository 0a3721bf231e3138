package com.omnichat.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.IntegrationTest;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.channel.ClientProfile;
import com.omnichat.chat.ChatFilter.StateTab;
import com.omnichat.user.StaffFixtures;
import com.omnichat.user.StaffMember;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The chat list pages by keyset (cursor of the last row seen) and by skip, without
 * duplicates or gaps even when many chats share the same time; the chat window loads
 * history backwards, page by page.
 */
@IntegrationTest
class ChatPagingTest {

    private static final int PAGE = 5;

    @Autowired
    StaffFixtures staff;

    @Autowired
    InboxFixtures fixtures;

    @Autowired
    InboxService inbox;

    StaffMember anna;
    ChannelInfo telegram;
    ChannelInfo viber;
    List<Long> everyChat;

    @BeforeEach
    void twentyThreeChatsManySharingTheirMoment() {
        anna = staff.manager("anna");
        telegram = fixtures.channel("Telegram · @flowershop_bot", anna);
        viber = fixtures.channel("Viber · Flower Shop", anna);
        // Chats come in threes that share one moment: the list must order them by id as well.
        Instant moment = fixtures.nextMoment();
        for (int i = 0; i < 23; i++) {
            if (i % 3 == 0) {
                moment = fixtures.nextMoment();
            }
            ChannelInfo channel = i % 2 == 0 ? telegram : viber;
            fixtures.write(channel, fixtures.newClient("Client " + i, null), "Hello " + i, moment);
        }
        staff.signInAs(anna);
        everyChat = ids(inbox.list(ChatFilter.open(), null, 0, 100));
    }

    @Test
    void theListIsNewestFirstWithTiesBrokenById() {
        List<ConversationSummary> all = inbox.list(ChatFilter.open(), null, 0, 100);

        assertThat(all).hasSize(23);
        for (int i = 1; i < all.size(); i++) {
            ConversationSummary before = all.get(i - 1);
            ConversationSummary after = all.get(i);
            assertThat(before.sortAt()).isAfterOrEqualTo(after.sortAt());
            if (before.sortAt().equals(after.sortAt())) {
                assertThat(before.id()).isGreaterThan(after.id());
            }
        }
    }

    @Test
    void walkingWithTheCursorVisitsEveryChatOnce() {
        List<Long> walked = new ArrayList<>();
        ChatCursor cursor = null;
        int pages = 0;
        while (true) {
            List<ConversationSummary> page = inbox.list(ChatFilter.open(), cursor, 0, PAGE);
            if (page.isEmpty()) {
                break;
            }
            assertThat(page.size()).isLessThanOrEqualTo(PAGE);
            walked.addAll(ids(page));
            cursor = page.getLast().cursor();
            pages++;
        }

        assertThat(walked).containsExactlyElementsOf(everyChat);
        assertThat(pages).isEqualTo(5);
    }

    @Test
    void walkingWithSkipVisitsEveryChatOnce() {
        List<Long> walked = new ArrayList<>();
        for (int skip = 0; ; skip += PAGE) {
            List<ConversationSummary> page = inbox.list(ChatFilter.open(), null, skip, PAGE);
            if (page.isEmpty()) {
                break;
            }
            walked.addAll(ids(page));
        }

        assertThat(walked).containsExactlyElementsOf(everyChat);
    }

    @Test
    void aCursorAndASkipTogetherJumpAhead() {
        // As the list view does when scrolling far: continue from a known row, skipping a few more.
        ConversationSummary fourth = inbox.list(ChatFilter.open(), null, 3, 1).getFirst();

        List<ConversationSummary> page = inbox.list(ChatFilter.open(), fourth.cursor(), 3, PAGE);

        assertThat(ids(page)).containsExactlyElementsOf(everyChat.subList(7, 12));
    }

    @Test
    void walkingAFilteredListWithTheCursorVisitsEveryMatchOnce() {
        var viberOnly = new ChatFilter(
                StateTab.OPEN, "", false, java.util.Set.of(viber.id()), ChatFilter.Responsible.ALL, null);
        List<Long> expected = ids(inbox.list(viberOnly, null, 0, 100));
        List<Long> walked = new ArrayList<>();
        ChatCursor cursor = null;
        List<ConversationSummary> page;
        while (!(page = inbox.list(viberOnly, cursor, 0, 3)).isEmpty()) {
            walked.addAll(ids(page));
            cursor = page.getLast().cursor();
        }

        assertThat(expected).hasSize(11);
        assertThat(walked).containsExactlyElementsOf(expected);
    }

    @Test
    void historyLoadsBackwardsAndEachPageReadsOldestFirst() {
        ClientProfile olena = fixtures.newClient("Olena", null);
        long chat = 0;
        for (int i = 1; i <= 12; i++) {
            chat = fixtures.write(telegram, olena, "Message " + i).conversationId();
        }

        List<MessageView> newest = inbox.history(chat, null, PAGE);
        List<MessageView> older = inbox.history(chat, newest.getFirst().id(), PAGE);
        List<MessageView> oldest = inbox.history(chat, older.getFirst().id(), PAGE);
        List<MessageView> beyond = inbox.history(chat, oldest.getFirst().id(), PAGE);

        assertThat(bodies(newest)).containsExactly("Message 8", "Message 9", "Message 10", "Message 11", "Message 12");
        assertThat(bodies(older)).containsExactly("Message 3", "Message 4", "Message 5", "Message 6", "Message 7");
        assertThat(bodies(oldest)).containsExactly("Message 1", "Message 2");
        assertThat(beyond).isEmpty();
        assertThat(newest).extracting(MessageView::id).isSorted();
    }

    private static List<Long> ids(List<ConversationSummary> rows) {
        return rows.stream().map(ConversationSummary::id).toList();
    }

    private static List<String> bodies(List<MessageView> messages) {
        return messages.stream().map(MessageView::body).toList();
    }
}
