package com.omnichat.customer;

import com.omnichat.IntegrationTest;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.chat.InboxFixtures;
import com.omnichat.chat.InboxService;
import com.omnichat.user.StaffFixtures;
import com.omnichat.user.StaffMember;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Base of the card use cases: anna, a manager, works the "Telegram shop" and is signed in
 * before each test; {@link CardFixtures} makes her leads and buyers. A test adds only what its
 * case needs (another channel, a colleague).
 */
@IntegrationTest
abstract class CardTest {

    @Autowired
    StaffFixtures staff;

    @Autowired
    InboxFixtures inbox;

    @Autowired
    CardFixtures card;

    @Autowired
    InboxService chats;

    @Autowired
    ClientService clients;

    @Autowired
    ClientCardService cards;

    StaffMember anna;
    ChannelInfo telegram;

    @BeforeEach
    void annaWorksTheTelegramShop() {
        anna = staff.manager("anna");
        telegram = inbox.channel("Telegram shop", anna);
        staff.signInAs(anna);
    }
}
