package com.omnichat;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.channel.ChannelInfo;
import com.omnichat.channel.ChannelType;
import com.omnichat.chat.InboxFixtures;
import com.omnichat.chat.InboxService;
import com.omnichat.chat.MessageReceived;
import com.omnichat.chat.MessageView;
import com.omnichat.customer.CardFixtures;
import com.omnichat.customer.ClientCardService;
import com.omnichat.customer.ClientSavedAsBuyer;
import com.omnichat.customer.ClientSummary;
import com.omnichat.customer.ClientUpdated;
import com.omnichat.customer.ClientsMerged;
import com.omnichat.sales.RequestCreated;
import com.omnichat.sales.RequestDraft;
import com.omnichat.sales.RequestService;
import com.omnichat.sales.SalesRequest;
import com.omnichat.user.StaffFixtures;
import com.omnichat.user.StaffMember;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

/**
 * The events between modules, as Spring Modulith scenarios: one module's use case publishes its
 * event, and the listening module's state follows. They run in the shared application context,
 * not in {@code @ApplicationModuleTest}: a module alone does not start (sales' {@code SalesAccess}
 * needs the channel module's {@code ChannelService}), and a context per module would start the
 * application once more for each.
 */
@IntegrationTest
@EnableScenarios
class ModuleEventsTest {

    @Autowired
    StaffFixtures staff;

    @Autowired
    InboxFixtures inbox;

    @Autowired
    CardFixtures customers;

    @Autowired
    InboxService chats;

    @Autowired
    ClientCardService cards;

    @Autowired
    RequestService requests;

    StaffMember anna;
    ChannelInfo telegram;
    long chat;

    @BeforeEach
    void olenaWritesToAnnasTelegram() {
        anna = staff.manager("anna");
        telegram = inbox.channel("Telegram shop", anna);
        chat = inbox.newChat(telegram, "Olena Bondar");
        staff.signInAs(anna);
    }

    @Test
    void aMessageAChannelHandsInIsStoredInItsChatAndAnnounced(Scenario scenario) {
        var dmytro = inbox.newClient("Dmytro Sokolov", null);

        scenario.stimulate(() ->
                        inbox.write(telegram, dmytro, "Do you have peonies?").conversationId())
                .andWaitForEventOfType(MessageReceived.class)
                .matching(received -> received.channelId() == telegram.id())
                .toArriveAndVerify((received, conversation) -> {
                    assertThat(received.conversationId()).isEqualTo(conversation);
                    assertThat(conversation).as("his own chat").isNotEqualTo(chat);
                    assertThat(chats.history(conversation, null, 10))
                            .extracting(MessageView::body)
                            .containsExactly("Do you have peonies?");
                });
    }

    @Test
    void aNameChangedOnTheCardRenamesTheChat(Scenario scenario) {
        ClientSummary lead = customers.clientOf(chat);

        scenario.stimulate(() -> cards.rename(lead.id(), lead.version(), "Olena Bondar-Shevchuk", chat))
                .andWaitForEventOfType(ClientUpdated.class)
                .matching(updated -> updated.clientId() == lead.id() && updated.change() == ClientUpdated.Change.NAME)
                .toArriveAndVerify(
                        updated -> assertThat(chats.get(chat).clientName()).isEqualTo("Olena Bondar-Shevchuk"));
    }

    @Test
    void aLeadSavedAsABuyerIsNotedInHisChat(Scenario scenario) {
        ClientSummary lead = customers.lead(chat, "+380671234567", null);

        scenario.stimulate(() -> cards.saveAsBuyer(lead.id(), lead.version(), chat))
                .andWaitForEventOfType(ClientSavedAsBuyer.class)
                .matching(saved -> saved.clientId() == lead.id() && saved.conversationId() == chat)
                .toArriveAndVerify(saved -> assertThat(customers.systemMessages(chat))
                        .last()
                        .isEqualTo("client-saved-as-buyer | Anna Tester"));
    }

    @Test
    void aLeadLinkedToABuyerTakesHisRequestsAlong(Scenario scenario) {
        ClientSummary lead = customers.clientOf(chat);
        SalesRequest wedding =
                requests.create(lead.id(), chat, new RequestDraft("Wedding", null, null, null, null, null));
        ChannelInfo viber = inbox.channel(ChannelType.VIBER, "Viber shop", anna);
        ClientSummary buyer = customers.buyer(inbox.newChat(viber, "Olena B."), "+380671234567", null);
        ClientSummary current = customers.clientOf(chat);

        scenario.stimulate(() -> cards.linkToBuyer(current.id(), current.version(), buyer.id(), chat))
                .andWaitForEventOfType(ClientsMerged.class)
                .matching(merged -> merged.leadId() == lead.id() && merged.buyerId() == buyer.id())
                .toArriveAndVerify(merged -> {
                    assertThat(requests.get(wedding.id()).clientId()).isEqualTo(buyer.id());
                    assertThat(chats.get(chat).clientId()).isEqualTo(buyer.id());
                });
    }

    @Test
    void aRequestMadeFromAChatIsNotedThere(Scenario scenario) {
        long client = customers.clientOf(chat).id();

        scenario.stimulate(
                        () -> requests.create(client, chat, new RequestDraft("Wedding", null, null, null, null, null)))
                .andWaitForEventOfType(RequestCreated.class)
                .matching(created -> created.conversationId() != null && created.conversationId() == chat)
                .toArriveAndVerify((created, request) -> {
                    assertThat(created.number()).isEqualTo(request.number());
                    assertThat(customers.systemMessages(chat))
                            .last()
                            .isEqualTo("request-created | Anna Tester | " + request.number());
                });
    }
}
