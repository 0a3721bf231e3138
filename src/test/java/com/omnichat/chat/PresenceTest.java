package com.omnichat.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.omnichat.IntegrationTest;
import com.omnichat.base.NotFoundException;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.chat.ChatEvent.Activity;
import com.omnichat.chat.ChatEvent.Presence;
import com.omnichat.user.StaffFixtures;
import com.omnichat.user.StaffMember;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Collision detection: who else is viewing or typing in a chat, also for someone who opens it later. */
@IntegrationTest
class PresenceTest {

    @Autowired
    StaffFixtures staff;

    @Autowired
    InboxFixtures fixtures;

    @Autowired
    PresenceService presence;

    StaffMember anna;
    StaffMember max;
    long chat;

    @BeforeEach
    void twoManagersShareTelegram() {
        anna = staff.manager("anna");
        max = staff.manager("max");
        ChannelInfo telegram = fixtures.channel("Telegram", anna, max);
        chat = fixtures.newChat(telegram, "Olena Bondar");
    }

    @Test
    void managerWhoOpensTheChatLaterSeesWhoIsAlreadyThere() {
        staff.signInAs(max);
        presence.viewing(chat, "max-tab");

        staff.signInAs(anna);
        await().pollInSameThread()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(presence.others(chat))
                        .extracting(Presence::userName, Presence::activity)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(max.fullName(), Activity.VIEWING)));
    }

    @Test
    void typingShowsAndLeavingRemovesTheColleague() {
        staff.signInAs(max);
        presence.viewing(chat, "max-tab");
        presence.typing(chat);

        staff.signInAs(anna);
        await().pollInSameThread()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(presence.others(chat))
                        .extracting(Presence::activity)
                        .containsExactly(Activity.TYPING));

        staff.signInAs(max);
        presence.left(chat, "max-tab");
        staff.signInAs(anna);
        await().pollInSameThread()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(presence.others(chat)).isEmpty());
    }

    @Test
    void theManagerDoesNotSeeHimselfAndOutsidersLearnNothing() {
        staff.signInAs(anna);
        presence.viewing(chat, "anna-tab");
        staff.signInAs(max);
        presence.viewing(chat, "max-tab");

        // Once both announcements have arrived, each sees exactly the other, never himself.
        staff.signInAs(anna);
        await().pollInSameThread()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(presence.others(chat))
                        .extracting(Presence::userName)
                        .containsExactly(max.fullName()));
        staff.signInAs(max);
        await().pollInSameThread()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(presence.others(chat))
                        .extracting(Presence::userName)
                        .containsExactly(anna.fullName()));

        staff.signInAs(staff.manager("outsider"));
        assertThatThrownBy(() -> presence.others(chat)).isInstanceOf(NotFoundException.class);
    }
}
