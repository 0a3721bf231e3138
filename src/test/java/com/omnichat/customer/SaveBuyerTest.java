package com.omnichat.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnichat.base.SystemAccess;
import com.omnichat.base.UserFacingException;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.channel.ChannelType;
import com.omnichat.chat.InboxFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Save buyer" from a chat: a new buyer; or, when a buyer the manager may see already has the
 * lead's phone or e-mail, that buyer offered for confirmation (name, masked contacts) and
 * nothing linked until the manager confirms; once confirmed, the lead's chats show that
 * buyer's card, with a system message saying so.
 */
class SaveBuyerTest extends CardTest {

    ChannelInfo viber;

    @BeforeEach
    void annaWorksTelegramAndViber() {
        viber = inbox.channel(ChannelType.VIBER, "Viber shop", anna);
    }

    @Test
    void aLeadWithNewContactsBecomesABuyerOfHisOwn() {
        long chat = card.chat(telegram, "Olena Bondar", "olena_b");
        ClientSummary lead = card.lead(chat, "067 123 45 67", "Olena@Example.com");

        SaveBuyerResult result = cards.saveAsBuyer(lead.id(), lead.version(), chat);

        assertThat(result.linked()).isFalse();
        assertThat(result.offered()).isFalse();
        assertThat(result.buyer().id()).isEqualTo(lead.id());
        assertThat(result.buyer().buyer()).isTrue();
        assertThat(result.buyer().phone()).isEqualTo("+380671234567");
        assertThat(result.buyer().email()).isEqualTo("olena@example.com");
        assertThat(card.systemMessages(chat)).last().isEqualTo("client-saved-as-buyer | Anna Tester");
    }

    @Test
    void aLeadWithABuyersPhoneIsOfferedThatBuyerAndLinkedOnlyOnceTheManagerConfirms() {
        long buyersChat = card.chat(telegram, "Olena Bondar");
        ClientSummary buyer = card.buyer(buyersChat, "+380 67 123 45 67", "olena@example.com");
        long viberChat = card.chat(viber, "Olena B. (Viber)");
        ClientSummary lead = card.lead(viberChat, "0671234567", null);

        SaveBuyerResult result = cards.saveAsBuyer(lead.id(), lead.version(), viberChat);

        assertThat(result.offered()).isTrue();
        assertThat(result.linked()).isFalse();
        assertThat(result.offer())
                .isEqualTo(new BuyerMatch(
                        buyer.id(),
                        "Olena Bondar",
                        "+380 67 *** **67",
                        "o***@example.com",
                        LinkReason.SAME_PHONE,
                        false));
        assertThat(result.buyer()).as("the lead, unchanged").isEqualTo(clients.summary(lead.id()));
        assertThat(result.buyer().buyer()).isFalse();
        assertThat(chats.get(viberChat).clientId()).as("not linked yet").isEqualTo(lead.id());
        assertThat(card.systemMessages(viberChat)).last().isEqualTo("client-phone | Anna Tester | +380 67 123 4567");

        SaveBuyerResult linked = cards.linkToOfferedBuyer(lead.id(), lead.version(), buyer.id(), viberChat);

        assertThat(linked.linkedBy()).isEqualTo(LinkReason.SAME_PHONE);
        assertThat(linked.buyer().id()).isEqualTo(buyer.id());
        assertThat(chats.get(viberChat).clientId()).isEqualTo(buyer.id());
        assertThat(chats.get(viberChat).clientName()).isEqualTo("Olena Bondar");
        assertThat(card.clientOf(viberChat).channelIds()).containsExactlyInAnyOrder(telegram.id(), viber.id());
        assertThat(card.systemMessages(viberChat))
                .last()
                .isEqualTo("client-linked-same-phone | Anna Tester | Olena Bondar");
    }

    @Test
    void aLeadWithABuyersEmailInAnotherCaseIsOfferedThatBuyer() {
        ClientSummary buyer = card.buyer(card.chat(telegram, "Emma Wilson"), null, "emma@example.com");
        long chat = card.chat(viber, "E. Wilson");
        ClientSummary lead = card.lead(chat, null, "  EMMA@Example.COM ");

        SaveBuyerResult result = cards.saveAsBuyer(lead.id(), lead.version(), chat);

        assertThat(result.offer())
                .isEqualTo(new BuyerMatch(
                        buyer.id(), "Emma Wilson", null, "e***@example.com", LinkReason.SAME_EMAIL, false));
        assertThat(card.clientOf(chat).id()).isEqualTo(lead.id());

        cards.linkToOfferedBuyer(lead.id(), lead.version(), buyer.id(), chat);

        assertThat(card.clientOf(chat).id()).isEqualTo(buyer.id());
        assertThat(card.systemMessages(chat)).last().isEqualTo("client-linked-same-email | Anna Tester | Emma Wilson");
    }

    @Test
    void theManagerMayCreateANewBuyerInsteadOfTheOfferedOne() {
        long buyersChat = card.chat(telegram, "Olena Bondar");
        ClientSummary buyer = card.buyer(buyersChat, "+380671234567", null);
        long chat = card.chat(viber, "Olena Koval");
        ClientSummary lead = card.lead(chat, "0671234567", null);
        assertThat(cards.saveAsBuyer(lead.id(), lead.version(), chat).offered()).isTrue();

        SaveBuyerResult result = cards.saveAsNewBuyer(lead.id(), lead.version(), chat);

        assertThat(result.offered()).isFalse();
        assertThat(result.linked()).isFalse();
        assertThat(result.buyer().id()).isEqualTo(lead.id());
        assertThat(result.buyer().buyer()).isTrue();
        assertThat(card.clientOf(chat).id()).isEqualTo(lead.id());
        assertThat(clients.summary(buyer.id()).channelIds())
                .as("the other buyer untouched")
                .containsExactly(telegram.id());
        assertThat(card.systemMessages(chat)).last().isEqualTo("client-saved-as-buyer | Anna Tester");
    }

    @Test
    void theSamePhoneWinsOverTheSameEmailAndTheBuyerKeepsHisOwnContacts() {
        ClientSummary byPhone = card.buyer(card.chat(telegram, "Phone Buyer"), "+380501112233", "first@example.com");
        card.buyer(card.chat(telegram, "Mail Buyer"), null, "second@example.com");
        long chat = card.chat(viber, "Both");
        ClientSummary lead = card.lead(chat, "050 111 22 33", "second@example.com");

        SaveBuyerResult offered = cards.saveAsBuyer(lead.id(), lead.version(), chat);
        assertThat(offered.offer().buyerId()).isEqualTo(byPhone.id());
        assertThat(offered.offer().reason()).isEqualTo(LinkReason.SAME_PHONE);

        SaveBuyerResult result = cards.linkToOfferedBuyer(lead.id(), lead.version(), byPhone.id(), chat);

        assertThat(result.linkedBy()).isEqualTo(LinkReason.SAME_PHONE);
        assertThat(result.buyer().id()).isEqualTo(byPhone.id());
        assertThat(result.buyer().email()).isEqualTo("first@example.com");
    }

    @Test
    void aBuyerFilledFromTheLeadKeepsBothNotesAndGainsMissingContacts() {
        long buyersChat = card.chat(telegram, "Taras Melnyk");
        ClientSummary buyer = card.buyer(buyersChat, "+380931234567", null);
        buyer = cards.changeNote(buyer.id(), buyer.version(), "Regular: roses", buyersChat);
        long chat = card.chat(viber, "Taras");
        ClientSummary lead = card.lead(chat, "+380931234567", "taras@example.com");
        lead = cards.changeNote(lead.id(), lead.version(), "Asked about tulips", chat);

        ClientSummary linked = cards.linkToOfferedBuyer(lead.id(), lead.version(), buyer.id(), chat)
                .buyer();

        assertThat(linked.email()).isEqualTo("taras@example.com");
        assertThat(linked.emailVerified()).isTrue();
        assertThat(linked.note()).isEqualTo("Regular: roses\n\nAsked about tulips");
        assertThat(linked.version()).isGreaterThan(buyer.version());
    }

    @Test
    void onlyABuyerWhoStillHasTheLeadsContactsCanBeConfirmed() {
        ClientSummary olena = card.buyer(card.chat(telegram, "Olena Bondar"), "+380671234567", null);
        ClientSummary stranger = card.buyer(card.chat(telegram, "Someone Else"), "+380509998877", null);
        long chat = card.chat(viber, "Olena B.");
        ClientSummary lead = card.lead(chat, "0671234567", null);
        ClientSummary offered =
                cards.saveAsBuyer(lead.id(), lead.version(), chat).buyer();

        assertThatThrownBy(() -> cards.linkToOfferedBuyer(offered.id(), offered.version(), stranger.id(), chat))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("client.error.offer-gone");
        ClientSummary changed = cards.changePhone(lead.id(), lead.version(), "0931112233", chat);
        assertThatThrownBy(() -> cards.linkToOfferedBuyer(changed.id(), changed.version(), olena.id(), chat))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("client.error.offer-gone");
        assertThatThrownBy(() -> cards.linkToOfferedBuyer(offered.id(), offered.version(), olena.id(), chat))
                .as("a stale offer")
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("client.error.changed");
        assertThat(card.clientOf(chat).id()).isEqualTo(lead.id());
    }

    @Test
    void twoLeadsWithOnePhoneSavedAtOnceMakeOneBuyerAndOneOffer() throws Exception {
        long first = card.chat(telegram, "Olena on Telegram");
        long second = card.chat(viber, "Olena on Viber");
        ClientSummary a = card.lead(first, "0671234567", null);
        ClientSummary b = card.lead(second, "+380671234567", null);
        var principal = staff.principalOf(anna);

        var results = InboxFixtures.concurrently(
                () -> SystemAccess.callAs(principal, () -> cards.saveAsBuyer(a.id(), a.version(), first)),
                () -> SystemAccess.callAs(principal, () -> cards.saveAsBuyer(b.id(), b.version(), second)));

        assertThat(results).extracting(SaveBuyerResult::offered).containsExactlyInAnyOrder(true, false);
        SaveBuyerResult saved =
                results.stream().filter(r -> !r.offered()).findFirst().orElseThrow();
        SaveBuyerResult offered =
                results.stream().filter(SaveBuyerResult::offered).findFirst().orElseThrow();
        assertThat(offered.offer().buyerId()).isEqualTo(saved.buyer().id());
        assertThat(chats.get(first).clientId()).isNotEqualTo(chats.get(second).clientId());
    }

    @Test
    void aBuyerCannotBeSavedTwice() {
        long chat = card.chat(telegram, "Olena Bondar");
        ClientSummary buyer = card.buyer(chat, null, null);

        assertThatThrownBy(() -> cards.saveAsBuyer(buyer.id(), buyer.version(), chat))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("client.error.already-buyer");
        assertThatThrownBy(() -> cards.saveAsNewBuyer(buyer.id(), buyer.version(), chat))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("client.error.already-buyer");
    }
}
