package com.omnichat.customer.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.BrowserlessViewTest;
import com.omnichat.base.ui.NotFoundView;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.channel.ChannelType;
import com.omnichat.customer.CardFixtures;
import com.omnichat.customer.ClientSummary;
import com.omnichat.user.StaffMember;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Clients section: buyers (leads on request), search, and a row opening the client's card. */
class ClientsViewTest extends BrowserlessViewTest {

    @Autowired
    CardFixtures customers;

    StaffMember anna;
    ChannelInfo telegram;
    ClientSummary olena;
    ClientSummary hidden;

    @BeforeEach
    void annaHasTwoBuyersAndALead() {
        anna = staff.manager("anna");
        telegram = inbox.channel("Telegram shop", anna);
        ChannelInfo viber = inbox.channel(ChannelType.VIBER, "Viber shop");
        signInAndOpenApp(staff.administrator("admin"));
        olena = customers.buyer(
                inbox.newChat(telegram, "Olena Bondar", "olena_b"), "+380671234567", "olena@example.com");
        customers.buyer(inbox.newChat(telegram, "Taras Melnyk"), "+380931112233", null);
        inbox.newChat(telegram, "Emma Wilson", "emma_w");
        hidden = customers.buyer(inbox.newChat(viber, "Hidden Buyer"), "+380501112233", null);
        signInAndOpenApp(anna);
    }

    @Test
    void gridListsTheManagersBuyersAndLeadsOnRequest() {
        ClientsView view = navigate(ClientsView.class);

        assertThat(names(view)).containsExactly("Olena Bondar", "Taras Melnyk");
        assertThat(test(view.grid).getCellText(0, 1)).isEqualTo("+380 67 123 4567");
        assertThat(test(view.grid).getCellText(0, 2)).isEqualTo("olena@example.com");

        test(view.includeLeads).click();

        assertThat(names(view)).containsExactly("Emma Wilson", "Olena Bondar", "Taras Melnyk");
    }

    @Test
    void searchFindsByNamePhoneEmailAndNickname() {
        ClientsView view = navigate(ClientsView.class);

        test(view.search).setValue("093 111");
        assertThat(names(view)).containsExactly("Taras Melnyk");
        test(view.search).setValue("OLENA@");
        assertThat(names(view)).containsExactly("Olena Bondar");
        test(view.search).setValue("@olena_b");
        assertThat(names(view)).containsExactly("Olena Bondar");
        test(view.search).setValue("hidden");
        assertThat(names(view)).isEmpty();
    }

    @Test
    void theSearchAndTheToggleComeFromTheAddress() {
        UI.getCurrent().navigate("clients", QueryParameters.simple(Map.of("q", "emma", "leads", "1")));
        ClientsView view = (ClientsView) getCurrentView();

        assertThat(view.search.getValue()).isEqualTo("emma");
        assertThat(view.includeLeads.getValue()).isTrue();
        assertThat(names(view)).containsExactly("Emma Wilson");
    }

    @Test
    void aRowOpensTheClientsCard() {
        ClientsView view = navigate(ClientsView.class);

        test(view.grid).clickRow(0);

        ClientView client = (ClientView) getCurrentView();
        assertThat(client.card.clientId()).isEqualTo(olena.id());
        assertThat(client.card.phone.getValue()).isEqualTo("+380 67 123 4567");
    }

    @Test
    void aClientOfAnotherChannelIsNotFound() {
        open("clients/" + hidden.id());

        assertThat(getCurrentView()).isInstanceOf(NotFoundView.class);
    }

    @Test
    void administratorsSeeThePossibleDuplicatesAManagerCouldNotAndDismissThem() {
        // anna's new client has the phone of a buyer she may not see: a buyer of his own, flagged.
        ClientSummary dmytro = customers.buyer(inbox.newChat(telegram, "Dmytro Sokolov"), "050 111 22 33", null);
        ClientsView annas = navigate(ClientsView.class);
        assertThat(annas.duplicates).isNull();
        assertThat($(DuplicateFlagsPanel.class).all()).isEmpty();

        signInAndOpenApp(staff.administrator("olha"));
        ClientsView view = navigate(ClientsView.class);

        assertThat(view.duplicates.isVisible()).isTrue();
        assertThat(view.duplicates.getSummaryText()).isEqualTo("Possible duplicate buyers: 1");
        assertThat(view.duplicates.rows.getChildren()).hasSize(1);
        assertThat($(com.vaadin.flow.router.RouterLink.class, view.duplicates).all())
                .extracting(l -> l.getText() + " " + l.getHref())
                .containsExactly("Dmytro Sokolov clients/" + dmytro.id(), "Hidden Buyer clients/" + hidden.id());
        assertThat($(com.vaadin.flow.component.html.Span.class, view.duplicates).all())
                .extracting(com.vaadin.flow.component.html.Span::getText)
                .contains("same phone +380 50 111 2233");

        test($(com.vaadin.flow.component.button.Button.class, view.duplicates)
                        .withText("Dismiss")
                        .single())
                .click();

        assertThat(view.duplicates.isVisible()).isFalse();
        assertThat(view.duplicates.rows.getChildren()).isEmpty();
    }

    private static List<String> names(ClientsView view) {
        return view.grid.getLazyDataView().getItems().map(ClientSummary::name).toList();
    }
}
