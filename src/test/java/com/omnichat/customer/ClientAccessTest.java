package com.omnichat.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnichat.base.NotFoundException;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.channel.ChannelType;
import com.omnichat.user.StaffMember;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A manager sees (and changes) the clients with an identity on one of his channels; for him
 * any other client does not exist. Administrators see every client.
 */
class ClientAccessTest extends CardTest {

    StaffMember max;
    ChannelInfo viber;
    ClientSummary annasBuyer;
    ClientSummary maxsLead;
    long maxsChat;

    @BeforeEach
    void annaWorksTelegramMaxWorksViber() {
        max = staff.manager("max");
        viber = inbox.channel(ChannelType.VIBER, "Viber shop", max);
        annasBuyer = card.buyer(card.chat(telegram, "Olena Bondar"), "+380671234567", null);
        staff.signInAs(max);
        maxsChat = card.chat(viber, "Dmytro Sokolov");
        maxsLead = card.clientOf(maxsChat);
    }

    @Test
    void aClientOfAnotherChannelDoesNotExistForTheManager() {
        staff.signInAs(anna);
        long id = maxsLead.id();
        long version = maxsLead.version();

        List<Executable> calls = List.of(
                () -> clients.summary(id),
                () -> clients.current(id),
                () -> clients.identities(id),
                () -> cards.rename(id, version, "Renamed", null),
                () -> cards.changePhone(id, version, "0501112233", null),
                () -> cards.changeEmail(id, version, "d@example.com", null),
                () -> cards.changeNote(id, version, "note", null),
                () -> cards.saveAsBuyer(id, version, null));
        for (Executable call : calls) {
            assertThatThrownBy(call::execute).isInstanceOf(NotFoundException.class);
        }
        assertThat(clients.list(new ClientListFilter("", true), 0, 50))
                .extracting(ClientSummary::id)
                .containsExactly(annasBuyer.id());
        staff.signInAs(max);
        assertThat(card.clientOf(maxsChat).name()).isEqualTo("Dmytro Sokolov");
    }

    @Test
    void aBuyerTheManagerMayNotSeeCannotBeChosenNorFound() {
        staff.signInAs(max);
        ClientSummary lead = maxsLead;

        assertThat(cards.buyersToChoose("Olena", 10)).isEmpty();
        assertThatThrownBy(() -> cards.linkToBuyer(lead.id(), lead.version(), annasBuyer.id(), maxsChat))
                .isInstanceOf(NotFoundException.class);
        assertThat(card.clientOf(maxsChat).id()).isEqualTo(lead.id());
    }

    @Test
    void aManagerWithoutChannelsSeesNoClients() {
        staff.signInAs(staff.manager("newbie"));

        assertThat(clients.list(new ClientListFilter("", true), 0, 50)).isEmpty();
        assertThatThrownBy(() -> clients.summary(annasBuyer.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void administratorsSeeEveryClient() {
        staff.signInAs(staff.administrator("olena"));

        assertThat(clients.list(new ClientListFilter("", true), 0, 50))
                .extracting(ClientSummary::name)
                .containsExactly("Dmytro Sokolov", "Olena Bondar");
        assertThat(cards.buyersToChoose("", 10)).extracting(ClientSummary::name).containsExactly("Olena Bondar");
    }

    @Test
    void saveBuyerWithThePhoneOfABuyerTheManagerMayNotSeeMakesANewBuyerAndRevealsNothing() {
        // The buyer with this phone is on anna's channel only: max learns nothing about him
        // (no offer, no name, no link); the lead becomes a buyer of his own, and the possible
        // duplicate waits for an administrator (DuplicateFlagsTest).
        staff.signInAs(max);
        ClientSummary lead = card.lead(maxsChat, "067 123 45 67", null);

        SaveBuyerResult result = cards.saveAsBuyer(lead.id(), lead.version(), maxsChat);

        ClientSummary saved = clients.summary(lead.id());
        assertThat(result).isEqualTo(new SaveBuyerResult(saved, null, null));
        assertThat(saved.buyer()).isTrue();
        assertThat(result.toString()).doesNotContain("Olena");
        assertThat(card.systemMessages(maxsChat)).last().isEqualTo("client-saved-as-buyer | Max Tester");
        staff.signInAs(anna);
        assertThat(clients.summary(annasBuyer.id()).channelIds()).containsExactly(telegram.id());
        assertThat(chats.chatsOf(annasBuyer.id()))
                .extracting(c -> c.channel().id())
                .containsOnly(telegram.id());
    }

    @Test
    void aBuyersPhoneThatAHiddenBuyerHasIsNeitherRefusedNorNamed() {
        // Refusing "the buyer Olena Bondar already has this phone" would tell max who she is.
        staff.signInAs(max);
        ClientSummary buyer = card.buyer(maxsChat, null, null);

        ClientSummary changed = cards.changePhone(buyer.id(), buyer.version(), "067 123 45 67", maxsChat);

        assertThat(changed.phone()).isEqualTo("+380671234567");
        staff.signInAs(anna);
        assertThat(clients.summary(annasBuyer.id()).phone()).isEqualTo("+380671234567");
    }
}
