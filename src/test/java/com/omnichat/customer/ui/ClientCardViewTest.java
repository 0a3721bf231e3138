package com.omnichat.customer.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.BrowserlessViewTest;
import com.omnichat.base.SystemAccess;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.channel.ChannelType;
import com.omnichat.channel.ClientContactsSink;
import com.omnichat.channel.ClientContactsSink.ContactDetails;
import com.omnichat.chat.InboxService;
import com.omnichat.customer.CardFixtures;
import com.omnichat.customer.ClientCardService;
import com.omnichat.customer.ClientService;
import com.omnichat.customer.ClientSummary;
import com.omnichat.user.StaffMember;
import com.vaadin.flow.component.BlurNotifier.BlurEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.FocusNotifier.FocusEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The lead/buyer card beside a chat, as a manager uses it, without a browser. */
class ClientCardViewTest extends BrowserlessViewTest {

    @Autowired
    InboxService chats;

    @Autowired
    ClientService clients;

    @Autowired
    ClientCardService cards;

    @Autowired
    ClientContactsSink widgetForm;

    @Autowired
    CardFixtures customers;

    StaffMember anna;
    ChannelInfo telegram;
    ChannelInfo instagram;
    long chat;

    @BeforeEach
    void olenaWritesToAnnasTelegram() {
        anna = staff.manager("anna");
        telegram = inbox.channel("Telegram shop", anna);
        instagram = inbox.channel(ChannelType.INSTAGRAM, "Instagram shop", anna);
        chat = inbox.newChat(telegram, "Olena Bondar", "olena_b");
        signInAndOpenApp(anna);
    }

    @Test
    void aLeadsCardOffersContactsSaveBuyerAndChooseFromTheList() {
        ClientCard card = openChat(chat);

        assertThat(card.name.getText()).isEqualTo("Olena Bondar");
        assertThat(texts(card)).contains("@olena_b", "Lead");
        assertThat(card.phone.getValue()).isEmpty();
        assertThat(card.email.getValue()).isEmpty();
        assertThat(isShown(card, card.saveBuyer)).isTrue();
        assertThat(isShown(card, card.chooseBuyer)).isTrue();
        assertThat(headings(card))
                .as("no channels, no chat list beside a lead's only chat")
                .doesNotContain("Channels", "His chats");
    }

    @Test
    void typingContactsAndSavingMakesABuyerCardWithChannelsAndChats() {
        ClientCard card = openChat(chat);

        test(card.phone).setValue("067 123 45 67");
        test(card.email).setValue("Olena@Example.com");
        test(card.note).setValue("Prefers peonies");
        assertThat(card.phone.getValue()).isEqualTo("+380 67 123 4567");
        assertThat(card.email.getValue()).isEqualTo("olena@example.com");
        assertThat(isShown(card, card.chooseBuyer))
                .as("both contacts known: Save buyer finds him")
                .isFalse();
        test(card.saveBuyer).click();

        assertThat(lastNotification()).isEqualTo("Olena Bondar is a buyer now");
        assertThat(texts(card)).contains("Buyer").doesNotContain("Lead");
        assertThat(isShown(card, card.saveBuyer)).isFalse();
        assertThat(headings(card)).containsSubsequence("Channels", "His chats");
        assertThat(texts(card)).contains("Telegram shop", "@olena_b");
        assertThat(chatLinks(card)).containsExactly("chats/" + chat);
        assertThat(card.note.getValue()).isEqualTo("Prefers peonies");
        assertThat(chats.history(chat, null, 20))
                .extracting(m -> m.systemCode())
                .containsSubsequence("client-phone", "client-email", "client-note", "client-saved-as-buyer");
    }

    @Test
    void anInvalidPhoneIsExplainedOnTheFieldAndNotSaved() {
        ClientCard card = openChat(chat);

        test(card.phone).setValue("12345");

        assertThat(card.phone.isInvalid()).isTrue();
        assertThat(card.phone.getErrorMessage()).startsWith("“12345” is not a valid phone number.");
        assertThat(clients.summary(card.clientId()).phone()).isNull();

        test(card.phone).setValue("+44 20 7946 0958");
        assertThat(card.phone.isInvalid()).isFalse();
        assertThat(clients.summary(card.clientId()).phone()).isEqualTo("+442079460958");
    }

    @Test
    void clickingTheNameRenamesTheClient() {
        ClientCard card = openChat(chat);

        card.startRename();
        assertThat(card.nameEditor.isVisible()).isTrue();
        test(card.nameEditor).setValue("Olena Bondar-Shevchuk");

        assertThat(card.nameEditor.isVisible()).isFalse();
        assertThat(card.name.getText()).isEqualTo("Olena Bondar-Shevchuk");
        assertThat(chats.get(chat).clientName()).isEqualTo("Olena Bondar-Shevchuk");
    }

    @Test
    void choosingABuyerFromTheListLinksTheLeadAndTheCardShowsTheBuyer() {
        ClientSummary buyer = instagramBuyer("Olena B.", "+380671234567", null);
        ClientCard card = openChat(chat);

        test(card.chooseBuyer).click();
        ChooseBuyerDialog dialog = $(ChooseBuyerDialog.class).single();
        test(dialog.search).setValue("067 123");
        assertThat(test(dialog.grid).size()).isEqualTo(1);
        test(dialog.grid).select(0);
        test(dialog.link).click();

        assertThat(dialog.isOpened()).isFalse();
        assertThat(card.clientId()).isEqualTo(buyer.id());
        assertThat(card.name.getText()).isEqualTo("Olena B.");
        assertThat(texts(card)).contains("Buyer", "Telegram shop", "Instagram shop");
        assertThat(chats.get(chat).clientId()).isEqualTo(buyer.id());
        assertThat(lastNotification()).isEqualTo("Linked to the buyer Olena B.");
    }

    @Test
    void saveBuyerWithABuyersPhoneAsksFirstShowingThatBuyerWithMaskedContactsThenLinks() {
        ClientSummary buyer = instagramBuyer("Olena B.", "+380671234567", "olena.b@example.com");
        ClientCard card = openChat(chat);
        test(card.phone).setValue("067 123 45 67");

        test(card.saveBuyer).click();

        SaveBuyerDialog dialog = $(SaveBuyerDialog.class).single();
        assertThat(dialog.getHeaderTitle()).isEqualTo("A buyer with this phone already exists");
        assertThat(dialog.buyerName.getText()).isEqualTo("Olena B.");
        assertThat(dialog.maskedPhone.getText()).isEqualTo("+380 67 *** **67");
        assertThat(dialog.maskedEmail.getText()).isEqualTo("o***@example.com");
        assertThat($(Span.class, dialog).all())
                .extracting(Span::getText)
                .noneMatch(t -> t.contains("123") || t.contains("olena.b@"));
        assertThat(dialog.unverified.isAttached()).isFalse();
        assertThat(chats.get(chat).clientId())
                .as("nothing linked while he decides")
                .isEqualTo(card.clientId());
        assertThat(texts(card)).contains("Lead");

        test(dialog.link).click();

        assertThat(dialog.isOpened()).isFalse();
        assertThat(card.clientId()).isEqualTo(buyer.id());
        assertThat(texts(card)).contains("Buyer", "Telegram shop", "Instagram shop");
        assertThat(chats.get(chat).clientId()).isEqualTo(buyer.id());
        assertThat(lastNotification()).isEqualTo("A buyer with this phone already exists: linked to Olena B.");
    }

    @Test
    void theManagerMayCreateANewBuyerInsteadOfLinking() {
        ClientSummary other = instagramBuyer("Olena Koval", "+380671234567", null);
        ClientCard card = openChat(chat);
        long leadId = card.clientId();
        test(card.phone).setValue("067 123 45 67");
        test(card.saveBuyer).click();

        test($(SaveBuyerDialog.class).single().createNew).click();

        assertThat(card.clientId()).isEqualTo(leadId);
        assertThat(texts(card)).contains("Buyer");
        assertThat(lastNotification()).isEqualTo("Olena Bondar is a buyer now");
        assertThat(clients.summary(other.id()).channelIds()).containsExactly(instagram.id());
    }

    @Test
    void aContactTheClientLeftIsMarkedUnverifiedUntilTheManagerConfirmsIt() {
        ChannelInfo siteChat = inbox.channel(ChannelType.WEBCHAT, "Site chat", anna);
        var visitor = inbox.newClient("Site visitor", null);
        long visitorsChat = inbox.write(siteChat, visitor, "Hi").conversationId();
        SystemAccess.run(() -> widgetForm.contactsLeft(
                siteChat.id(),
                visitor.externalUserId(),
                new ContactDetails("Olena", "olena@example.com", "067 123 45 67")));
        instagramBuyer("Olena B.", "+380671234567", null);
        ClientCard card = openChat(visitorsChat);

        assertThat(card.phone.getValue()).isEqualTo("+380 67 123 4567");
        assertThat(card.phoneMark.isVisible()).isTrue();
        assertThat(card.emailMark.isVisible()).isTrue();
        assertThat(card.phoneMark.getText()).isEqualTo("unverified");
        assertThat(card.phoneMark.getElement().getAttribute("aria-label"))
                .startsWith("unverified: The client left this phone himself");
        assertThat(card.phoneMark.getTooltip().getText()).startsWith("The client left this phone himself");

        test(card.saveBuyer).click();
        SaveBuyerDialog dialog = $(SaveBuyerDialog.class).single();
        assertThat(dialog.unverified.getText()).startsWith("The matching phone or e-mail was left by a client himself");
        dialog.close();
        assertThat(chats.get(visitorsChat).clientId()).isEqualTo(card.clientId());

        test(card.phoneMark).click();

        assertThat(card.phoneMark.isVisible()).isFalse();
        assertThat(card.emailMark.isVisible()).isTrue();
        assertThat(clients.summary(card.clientId()).phoneUnverified()).isFalse();
    }

    @Test
    void aColleaguesChangeMeanwhileIsExplainedAndShownInsteadOfOverwritten() {
        ClientCard card = openChat(chat);
        ClientSummary seen = card.client();
        cards.changePhone(seen.id(), seen.version(), "0501112233", null);

        test(card.email).setValue("olena@example.com");

        assertThat(lastNotification()).startsWith("Someone else changed the card of Olena Bondar meanwhile.");
        assertThat(card.phone.getValue()).isEqualTo("+380 50 111 2233");
        assertThat(card.email.getValue()).isEmpty();
        assertThat(clients.summary(seen.id()).email()).isNull();
    }

    @Test
    void aColleaguesChangeShowsOnTheOpenCardByItself() {
        ClientCard card = openChat(chat);
        ClientSummary seen = card.client();

        asMax(() -> cards.changePhone(seen.id(), seen.version(), "0501112233", chat));

        untilLive("the open card shows Max's phone", () -> card.phone.getValue().equals("+380 50 111 2233"));
    }

    @Test
    void aLiveChangeWaitsWhileTheManagerIsInAField() {
        ClientCard card = openChat(chat);
        ClientSummary seen = card.client();
        ComponentUtil.fireEvent(card.note, new FocusEvent<>(card.note, true));
        int messagesBefore = chatMessageCount();

        asMax(() -> cards.changePhone(seen.id(), seen.version(), "0501112233", chat));

        // The chat beside the card shows Max's change: the live update has arrived.
        untilLive("the chat shows Max's change", () -> chatMessageCount() > messagesBefore);
        assertThat(card.phone.getValue()).as("not while typing").isEmpty();

        ComponentUtil.fireEvent(card.note, new BlurEvent<>(card.note, true));
        assertThat(card.phone.getValue()).isEqualTo("+380 50 111 2233");
    }

    /** Max, who also works Telegram, changes something in another browser. */
    private void asMax(Runnable change) {
        StaffMember max = staff.manager("max");
        inbox.grant(telegram, max);
        staff.signInAs(max);
        change.run();
        staff.signInAs(anna);
    }

    private int chatMessageCount() {
        return $(Div.class).withClassName("messages").single().getElement().getChildCount();
    }

    @Test
    void theClientsPageShowsTheSameCardWithHisChats() {
        ClientSummary lead = customers.clientOf(chat);

        open("clients/" + lead.id());
        ClientView view = (ClientView) getCurrentView();

        assertThat(view.card.name.getText()).isEqualTo("Olena Bondar");
        assertThat(headings(view.card)).contains("His chats").doesNotContain("Channels");
        assertThat(chatLinks(view.card)).containsExactly("chats/" + chat);
        assertThat(viewTitle()).isEqualTo("Olena Bondar");
    }

    /** A buyer on Instagram (anna's channel too) with these contacts. */
    private ClientSummary instagramBuyer(String name, String phone, String email) {
        return customers.buyer(customers.chat(instagram, name), phone, email);
    }

    private ClientCard openChat(long conversationId) {
        open("chats/" + conversationId);
        return $(ClientCard.class).single();
    }

    private List<String> texts(ClientCard card) {
        return $(Span.class, card).all().stream().map(Span::getText).toList();
    }

    /** The links of "His chats" (other sections, e.g. orders, have links of their own). */
    private List<String> chatLinks(ClientCard card) {
        var section = card.sections
                .getChildren()
                .filter(c -> c.getElement().getClassList().contains("client-chats"))
                .findFirst()
                .orElseThrow();
        return $(RouterLink.class, section).all().stream()
                .map(RouterLink::getHref)
                .toList();
    }

    private List<String> headings(ClientCard card) {
        return $(H4.class, card).all().stream().map(H4::getText).toList();
    }

    private static boolean isShown(ClientCard card, com.vaadin.flow.component.Component component) {
        return component.isVisible()
                && component
                        .getParent()
                        .flatMap(p -> p.getParent())
                        .filter(card::equals)
                        .isPresent();
    }
}
