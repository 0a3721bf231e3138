package com.omnichat.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnichat.IntegrationTest;
import com.omnichat.base.NotFoundException;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.channel.ChannelType;
import com.omnichat.channel.IngestResult;
import com.omnichat.chat.ChatFilter.Responsible;
import com.omnichat.chat.ChatFilter.StateTab;
import com.omnichat.user.StaffFixtures;
import com.omnichat.user.StaffMember;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A manager sees only the chats of the channels granted to him; for him a chat of another
 * channel does not exist (not found, never listed, never counted). Administrators see all.
 */
@IntegrationTest
class ChannelAccessTest {

    @Autowired
    StaffFixtures staff;

    @Autowired
    InboxFixtures fixtures;

    @Autowired
    InboxService inbox;

    StaffMember olena;
    StaffMember anna;
    StaffMember max;
    ChannelInfo telegram;
    ChannelInfo viber;
    long telegramChat;
    long viberChat;
    long telegramMessage;

    @BeforeEach
    void annaWorksTelegramMaxWorksViber() {
        olena = staff.administrator("olena");
        anna = staff.manager("anna");
        max = staff.manager("max");
        telegram = fixtures.channel("Telegram · @flowershop_bot", anna);
        viber = fixtures.channel(ChannelType.VIBER, "Viber · Flower Shop", max);
        IngestResult first = fixtures.write(telegram, fixtures.newClient("Olena Bondar", null), "Peonies?");
        telegramChat = first.conversationId();
        telegramMessage = first.messageId();
        viberChat = fixtures.newChat(viber, "Dmytro Sokolov");
    }

    @Test
    void aChatOfAnotherChannelDoesNotExistForTheManager() {
        staff.signInAs(max);

        List<Executable> attempts = List.of(
                () -> inbox.get(telegramChat),
                () -> inbox.history(telegramChat, null, 50),
                () -> inbox.message(telegramChat, telegramMessage),
                () -> inbox.reply(telegramChat, "Hi, Max here", null, List.of()),
                () -> inbox.addNote(telegramChat, "A note"),
                () -> inbox.assign(telegramChat, max.id()),
                () -> inbox.close(telegramChat),
                () -> inbox.reopen(telegramChat),
                () -> inbox.retry(telegramChat, telegramMessage));
        for (Executable attempt : attempts) {
            assertThatThrownBy(attempt::execute).isInstanceOf(NotFoundException.class);
        }

        staff.signInAs(anna);
        assertThat(inbox.history(telegramChat, null, 50))
                .as("nothing was written")
                .hasSize(1);
        ConversationSummary untouched = inbox.get(telegramChat);
        assertThat(untouched.responsible()).isNull();
        assertThat(untouched.state()).isEqualTo(ConversationState.OPEN);
        assertThat(untouched.unreadCount()).isEqualTo(1);
    }

    @Test
    void aMessageOfAnotherChatIsNotFoundThroughAnAccessibleChat() {
        fixtures.grant(viber, anna);
        staff.signInAs(max);

        assertThatThrownBy(() -> inbox.message(viberChat, telegramMessage)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> inbox.reply(viberChat, "Quoting a foreign message", telegramMessage, List.of()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void chatsOfHiddenChannelsNeverAppearInTheListOrTheCounts() {
        staff.signInAs(max);

        assertThat(ids(ChatFilter.open())).containsExactly(viberChat);
        assertThat(ids(ChatFilter.open().withState(StateTab.ALL))).containsExactly(viberChat);
        assertThat(inbox.counts(ChatFilter.open())).isEqualTo(new TabCounts(1, 0));
        staff.signInAs(anna);
        inbox.close(telegramChat);
        staff.signInAs(max);
        assertThat(ids(ChatFilter.open().withState(StateTab.CLOSED))).isEmpty();
        assertThat(inbox.counts(ChatFilter.open())).isEqualTo(new TabCounts(1, 0));

        var askingForTelegram = new ChatFilter(StateTab.ALL, "", false, Set.of(telegram.id()), Responsible.ALL, null);
        assertThat(ids(askingForTelegram)).isEmpty();
        assertThat(inbox.counts(askingForTelegram)).isEqualTo(new TabCounts(0, 0));

        var searchingOlena = new ChatFilter(StateTab.ALL, "Olena", false, Set.of(), Responsible.ALL, null);
        assertThat(ids(searchingOlena)).isEmpty();
    }

    @Test
    void aGrantedChannelBecomesVisible() {
        fixtures.grant(telegram, max);
        staff.signInAs(max);

        assertThat(ids(ChatFilter.open())).containsExactlyInAnyOrder(telegramChat, viberChat);
        assertThat(inbox.get(telegramChat).id()).isEqualTo(telegramChat);
    }

    @Test
    void anAdministratorSeesEveryChat() {
        staff.signInAs(olena);

        assertThat(ids(ChatFilter.open())).containsExactlyInAnyOrder(telegramChat, viberChat);
        assertThat(inbox.counts(ChatFilter.open())).isEqualTo(new TabCounts(2, 0));
        assertThat(inbox.get(telegramChat).clientName()).isEqualTo("Olena Bondar");
        assertThat(inbox.hasAnyChannel()).isTrue();
        inbox.reply(viberChat, "Hello from the administrator", null, List.of());
        assertThat(inbox.get(viberChat).unreadCount()).isZero();
    }

    @Test
    void aManagerWithoutChannelsHasAnEmptyInbox() {
        StaffMember taras = staff.manager("taras");
        staff.signInAs(taras);

        assertThat(inbox.hasAnyChannel()).isFalse();
        assertThat(ids(ChatFilter.open().withState(StateTab.ALL))).isEmpty();
        assertThat(inbox.counts(ChatFilter.open())).isEqualTo(new TabCounts(0, 0));
        assertThatThrownBy(() -> inbox.get(viberChat)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void nobodySignedInGetsNothing() {
        staff.signOut();

        assertThatThrownBy(() -> inbox.list(ChatFilter.open(), null, 0, 10))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> inbox.get(viberChat))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    private List<Long> ids(ChatFilter filter) {
        return inbox.list(filter, null, 0, 100).stream()
                .map(ConversationSummary::id)
                .toList();
    }
}
