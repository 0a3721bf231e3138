package com.omnichat.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.base.SystemAccess;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.channel.ChannelType;
import com.omnichat.channel.ClientContactsSink;
import com.omnichat.channel.ClientContactsSink.ContactDetails;
import com.omnichat.channel.ClientProfile;
import com.omnichat.user.StaffMember;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A site visitor can type anyone's phone into the widget's form: what a client left himself is
 * stored unverified, never links him to a buyer by itself, and becomes verified only when a
 * manager confirms it or types it himself.
 */
class UnverifiedContactsTest extends CardTest {

    /** What the site widget's contacts form calls (channel.webchat.WebchatService). */
    @Autowired
    ClientContactsSink widgetForm;

    ChannelInfo siteChat;

    @BeforeEach
    void annaWorksTelegramAndTheSiteChat() {
        siteChat = inbox.channel(ChannelType.WEBCHAT, "Site chat", anna);
    }

    @Test
    void contactsAVisitorTypedAreUnverifiedAndWhatAManagerTypesIsVerified() {
        long visitorsChat = visitorWritesAndLeaves("Visitor", "+380 67 123 45 67", "Olena@Example.com");

        ClientSummary visitor = card.clientOf(visitorsChat);
        assertThat(visitor.phone()).isEqualTo("+380671234567");
        assertThat(visitor.phoneUnverified()).isTrue();
        assertThat(visitor.emailUnverified()).isTrue();

        ClientSummary typed = card.lead(card.chat(telegram, "Olena Bondar"), "0671234567", "olena@example.com");
        assertThat(typed.phoneUnverified()).isFalse();
        assertThat(typed.emailUnverified()).isFalse();
    }

    @Test
    void aVisitorTypingABuyersPhoneIsNeverLinkedOnlyOfferedWithAWarning() {
        ClientSummary buyer = card.buyer(card.chat(telegram, "Olena Bondar"), "+380671234567", null);
        long visitorsChat = visitorWritesAndLeaves("Olena", "067 123 45 67", null);
        ClientSummary lead = card.clientOf(visitorsChat);

        SaveBuyerResult result = cards.saveAsBuyer(lead.id(), lead.version(), visitorsChat);

        assertThat(result.offered()).isTrue();
        assertThat(result.offer().buyerId()).isEqualTo(buyer.id());
        assertThat(result.offer().unverified())
                .as("the card warns: the match proves little")
                .isTrue();
        assertThat(card.clientOf(visitorsChat).id()).isEqualTo(lead.id());
        assertThat(clients.summary(buyer.id()).channelIds()).containsExactly(telegram.id());
    }

    @Test
    void aVisitorTypingTheContactsOfABuyerNobodyHereMaySeeGetsABuyerOfHisOwn() {
        StaffMember max = staff.manager("max");
        ChannelInfo viber = inbox.channel(ChannelType.VIBER, "Viber shop", max);
        staff.signInAs(max);
        ClientSummary hidden = card.buyer(card.chat(viber, "Olena Bondar"), "+380671234567", null);
        staff.signInAs(anna);
        long visitorsChat = visitorWritesAndLeaves("Olena", "067 123 45 67", null);
        ClientSummary lead = card.clientOf(visitorsChat);

        SaveBuyerResult result = cards.saveAsBuyer(lead.id(), lead.version(), visitorsChat);

        assertThat(result.offered()).isFalse();
        assertThat(result.buyer().id()).isEqualTo(lead.id());
        assertThat(result.buyer().phoneUnverified())
                .as("saving him checks nothing")
                .isTrue();
        staff.signInAs(max);
        assertThat(clients.summary(hidden.id()).channelIds()).containsExactly(viber.id());
    }

    @Test
    void theManagerConfirmsAContactOnceHeCheckedItAndTheChatSaysSo() {
        long visitorsChat = visitorWritesAndLeaves("Olena", "067 123 45 67", "olena@example.com");
        ClientSummary lead = card.clientOf(visitorsChat);

        ClientSummary confirmed = cards.confirmPhone(lead.id(), lead.version(), visitorsChat);

        assertThat(confirmed.phoneUnverified()).isFalse();
        assertThat(confirmed.emailUnverified()).isTrue();
        assertThat(confirmed.version()).isGreaterThan(lead.version());
        assertThat(card.systemMessages(visitorsChat))
                .last()
                .isEqualTo("client-phone-confirmed | Anna Tester | +380 67 123 4567");
        assertThat(cards.confirmPhone(confirmed.id(), confirmed.version(), visitorsChat))
                .as("nothing left to confirm")
                .isEqualTo(confirmed);

        ClientSummary retyped =
                cards.changeEmail(confirmed.id(), confirmed.version(), "OLENA@example.com", visitorsChat);
        assertThat(retyped.emailUnverified())
                .as("typing it again is checking it")
                .isFalse();
    }

    @Test
    void theVisitorMayCorrectHisOwnContactButNeverOneStaffEnteredOrConfirmed() {
        ClientProfile visitor = inbox.newClient("Visitor", null);
        long chat = inbox.write(siteChat, visitor, "Hello").conversationId();
        leave(visitor, "067 123 45 67", "first@example.com");

        leave(visitor, "050 111 22 33", "second@example.com");
        ClientSummary corrected = card.clientOf(chat);
        assertThat(corrected.phone()).isEqualTo("+380501112233");
        assertThat(corrected.email()).isEqualTo("second@example.com");

        ClientSummary checked = cards.confirmPhone(corrected.id(), corrected.version(), chat);
        checked = cards.changeEmail(checked.id(), checked.version(), "olena@example.com", chat);
        leave(visitor, "093 000 00 00", "third@example.com");
        ClientSummary kept = card.clientOf(chat);
        assertThat(kept.phone()).isEqualTo("+380501112233");
        assertThat(kept.email()).isEqualTo("olena@example.com");
        assertThat(kept.phoneUnverified() || kept.emailUnverified()).isFalse();
    }

    @Test
    void theWidgetFillsOnlyTheCardsEmptyFieldsNeverWhatAManagerEntered() {
        ClientProfile visitor = inbox.newClient("Site visitor", null);
        long chat = inbox.write(siteChat, visitor, "Hello").conversationId();
        ClientSummary lead = card.clientOf(chat);
        lead = cards.rename(lead.id(), lead.version(), "Olena Bondar", chat);
        cards.changePhone(lead.id(), lead.version(), "050 111 22 33", chat);

        SystemAccess.run(() -> widgetForm.contactsLeft(
                siteChat.id(),
                visitor.externalUserId(),
                new ContactDetails("Olena", "Olena@Example.com", "093 000 00 00")));

        ClientSummary filled = card.clientOf(chat);
        assertThat(filled.name()).as("the manager's name stays").isEqualTo("Olena Bondar");
        assertThat(filled.phone()).as("the manager's phone stays").isEqualTo("+380501112233");
        assertThat(filled.phoneUnverified()).isFalse();
        assertThat(filled.email()).as("the empty field is filled").isEqualTo("olena@example.com");
        assertThat(filled.emailUnverified()).isTrue();
    }

    private long visitorWritesAndLeaves(String name, String phone, String email) {
        ClientProfile visitor = inbox.newClient("Site visitor", null);
        long chat = inbox.write(siteChat, visitor, "Hello from the site").conversationId();
        SystemAccess.run(() -> widgetForm.contactsLeft(
                siteChat.id(), visitor.externalUserId(), new ContactDetails(name, email, phone)));
        return chat;
    }

    private void leave(ClientProfile visitor, String phone, String email) {
        SystemAccess.run(() -> widgetForm.contactsLeft(
                siteChat.id(), visitor.externalUserId(), new ContactDetails(null, email, phone)));
    }
}
