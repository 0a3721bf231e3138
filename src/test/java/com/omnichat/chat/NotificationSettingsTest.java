package com.omnichat.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.IntegrationTest;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.channel.ChannelType;
import com.omnichat.channel.ClientProfile;
import com.omnichat.user.StaffFixtures;
import com.omnichat.user.StaffMember;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * New-message notifications: each user keeps his own settings (sound, desktop, which
 * chats), and a client's new message concerns him only in a channel he may see and
 * within the scope he chose.
 */
@IntegrationTest
class NotificationSettingsTest {

    @Autowired
    StaffFixtures staff;

    @Autowired
    InboxFixtures fixtures;

    @Autowired
    ChatNotifications notifications;

    @Autowired
    InboxService inbox;

    StaffMember olena;
    StaffMember anna;
    StaffMember max;
    ChannelInfo telegram;
    ChannelInfo viber;

    @BeforeEach
    void annaAndMaxShareTelegramMaxAloneWorksViber() {
        olena = staff.administrator("olena");
        anna = staff.manager("anna");
        max = staff.manager("max");
        telegram = fixtures.channel("Telegram · @flowershop_bot", anna, max);
        viber = fixtures.channel(ChannelType.VIBER, "Viber · Flower Shop", max);
    }

    @Test
    void aUserWhoNeverChoseGetsASoundForHisAndUnassignedChatsAndNoDesktopNotifications() {
        staff.signInAs(anna);

        assertThat(notifications.settings())
                .isEqualTo(new NotificationSettings(true, false, NotificationScope.MINE_AND_UNASSIGNED))
                .isEqualTo(NotificationSettings.DEFAULTS);
    }

    @Test
    void settingsAreKeptPerUser() {
        staff.signInAs(anna);
        notifications.save(new NotificationSettings(false, true, NotificationScope.ALL));

        staff.signInAs(max);
        assertThat(notifications.settings()).isEqualTo(NotificationSettings.DEFAULTS);
        notifications.save(NotificationSettings.DEFAULTS.withScope(NotificationScope.MINE));

        staff.signInAs(anna);
        assertThat(notifications.settings()).isEqualTo(new NotificationSettings(false, true, NotificationScope.ALL));
        notifications.save(notifications.settings().withSound(true));
        assertThat(notifications.settings()).isEqualTo(new NotificationSettings(true, true, NotificationScope.ALL));
        staff.signInAs(max);
        assertThat(notifications.settings().scope()).isEqualTo(NotificationScope.MINE);
    }

    @Test
    void theAlertNamesTheClientAndPreviewsHisTextWithTheUsersChoices() {
        staff.signInAs(anna);
        notifications.save(new NotificationSettings(false, true, NotificationScope.ALL));
        long chat = fixtures.write(
                        telegram,
                        fixtures.newClient("Olena Bondar", null),
                        "Do you deliver roses to Lviv tomorrow morning?")
                .conversationId();

        assertThat(notifications.alertFor(chat))
                .contains(new NewMessageAlert(
                        chat, "Olena Bondar", "Do you deliver roses to Lviv tomorrow morning?", false, true));
    }

    @Test
    void onlyMyChats() {
        Chats chats = mineUnassignedAndMaxs();
        staff.signInAs(anna);
        notifications.save(NotificationSettings.DEFAULTS.withScope(NotificationScope.MINE));

        assertThat(alerted(chats)).containsExactly(chats.mine);
    }

    @Test
    void myChatsAndUnassignedOnes() {
        Chats chats = mineUnassignedAndMaxs();
        staff.signInAs(anna);
        notifications.save(NotificationSettings.DEFAULTS.withScope(NotificationScope.MINE_AND_UNASSIGNED));

        assertThat(alerted(chats)).containsExactly(chats.mine, chats.unassigned);
    }

    @Test
    void allChatsISee() {
        Chats chats = mineUnassignedAndMaxs();
        staff.signInAs(anna);
        notifications.save(NotificationSettings.DEFAULTS.withScope(NotificationScope.ALL));

        assertThat(alerted(chats)).containsExactly(chats.mine, chats.unassigned, chats.maxs);
    }

    @Test
    void aMessageInAChannelTheUserMayNotSeeNeverNotifiesHim() {
        long viberChat = fixtures.newChat(viber, "Dmytro Sokolov");
        staff.signInAs(anna);
        notifications.save(NotificationSettings.DEFAULTS.withScope(NotificationScope.ALL));

        assertThat(notifications.alertFor(viberChat)).isEmpty();
        assertThat(notifications.alertFor(Long.MAX_VALUE))
                .as("a chat that does not exist")
                .isEmpty();
        staff.signInAs(max);
        assertThat(notifications.alertFor(viberChat)).isPresent();
        staff.signInAs(olena);
        assertThat(notifications.alertFor(viberChat))
                .as("administrators see every channel")
                .isPresent();
    }

    @Test
    void aChatAnsweredMeanwhileHasNothingLeftToAnnounceUntilTheClientWritesAgain() {
        ClientProfile client = fixtures.newClient("Olena Bondar", null);
        long chat = fixtures.write(telegram, client, "Hello?").conversationId();
        staff.signInAs(max);
        inbox.addNote(chat, "She asked about roses last week");
        assertThat(notifications.alertFor(chat)).as("a note is no answer").isPresent();

        inbox.reply(chat, "Hello Olena!", null, List.of());
        assertThat(notifications.alertFor(chat)).isEmpty();

        fixtures.write(telegram, client, "Roses, please");
        assertThat(notifications.alertFor(chat))
                .get()
                .extracting(NewMessageAlert::preview)
                .isEqualTo("Roses, please");
    }

    /** One chat Anna is responsible for, one nobody is, one Max is; all on Telegram, which both see. */
    private Chats mineUnassignedAndMaxs() {
        long mine = fixtures.newChat(telegram, "Olena Bondar");
        long unassigned = fixtures.newChat(telegram, "Taras Melnyk");
        long maxs = fixtures.newChat(telegram, "Iryna Koval");
        staff.signInAs(anna);
        inbox.assign(mine, anna.id());
        inbox.assign(maxs, max.id());
        return new Chats(mine, unassigned, maxs);
    }

    private List<Long> alerted(Chats chats) {
        return java.util.stream.Stream.of(chats.mine, chats.unassigned, chats.maxs)
                .filter(id -> notifications.alertFor(id).isPresent())
                .toList();
    }

    private record Chats(long mine, long unassigned, long maxs) {}
}
