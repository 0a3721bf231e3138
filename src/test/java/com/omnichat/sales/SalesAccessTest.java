package com.omnichat.sales;

import static com.omnichat.sales.SalesFixtures.line;
import static com.omnichat.sales.SalesFixtures.order;
import static com.omnichat.sales.SalesFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnichat.IntegrationTest;
import com.omnichat.base.NotFoundException;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.channel.ChannelType;
import com.omnichat.chat.InboxFixtures;
import com.omnichat.user.StaffFixtures;
import com.omnichat.user.StaffMember;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A manager sees the requests and orders of his channels, of clients he can see, and those
 * he is responsible for; for him others do not exist. Administrators see all.
 */
@IntegrationTest
class SalesAccessTest {

    @Autowired
    OrderService orders;

    @Autowired
    RequestService requests;

    @Autowired
    StaffFixtures staff;

    @Autowired
    InboxFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SalesFixtures sales;

    StaffMember olena;
    StaffMember anna;
    StaffMember max;
    ChannelInfo telegram;
    ChannelInfo viber;
    long chat;
    long buyer;
    SalesOrder order;
    SalesRequest deal;

    @BeforeEach
    void annaSellsOnTelegramMaxWorksViber() {
        olena = staff.administrator("olena");
        anna = staff.manager("anna");
        max = staff.manager("max");
        telegram = fixtures.channel("Telegram · @flowershop_bot", anna);
        viber = fixtures.channel(ChannelType.VIBER, "Viber · Flower Shop", max);
        chat = fixtures.newChat(telegram, "Olena Bondar");
        buyer = sales.makeBuyer(sales.clientOf(chat));
        staff.signInAs(anna);
        order = orders.create(buyer, chat, order(line("Peonies", "1", "150")));
        deal = requests.create(buyer, chat, request("Wedding flowers", "12000"));
    }

    @Test
    void anotherChannelsManagerFindsNothing() {
        staff.signInAs(max);

        assertThatThrownBy(() -> orders.get(order.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> requests.get(deal.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> orders.update(order.id(), order(line("x", "1", "1")), order.version()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> requests.update(deal.id(), request("x", null), deal.version()))
                .isInstanceOf(NotFoundException.class);
        assertThat(orders.list(OrderFilter.all(), 0, 50)).isEmpty();
        assertThat(orders.count(OrderFilter.all())).isZero();
        assertThat(requests.list(RequestFilter.all(), 0, 50)).isEmpty();
        assertThat(requests.count(RequestFilter.all())).isZero();
        assertThatThrownBy(() -> orders.activeOf(buyer)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> orders.create(buyer, null, order(line("x", "1", "1"))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> requests.create(buyer, chat, request("x", null)))
                .isInstanceOf(NotFoundException.class);
        assertThat(orders.latestActiveNumber(buyer)).isNull();
    }

    @Test
    void administratorsSeeEverything() {
        staff.signInAs(olena);

        assertThat(orders.get(order.id()).number()).isEqualTo(order.number());
        assertThat(requests.list(RequestFilter.all(), 0, 50))
                .extracting(SalesRequest::id)
                .containsExactly(deal.id());
    }

    @Test
    void theResponsibleManagerSeesWhatHeIsResponsibleFor() {
        orders.update(
                order.id(), SalesFixtures.responsible(order(line("Peonies", "1", "150")), max.id()), order.version());
        staff.signInAs(max);

        assertThat(orders.list(OrderFilter.all(), 0, 50))
                .extracting(SalesOrder::id)
                .containsExactly(order.id());
        assertThat(orders.get(order.id()).responsibleName()).isEqualTo("Max Tester");
        assertThatThrownBy(() -> requests.get(deal.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aManagerWhoCanSeeTheClientSeesHisRequestsAndOrdersFromOtherChannels() {
        sales.identityOn(buyer, viber, "vb-olena");
        staff.signInAs(max);

        assertThat(requests.activeOf(buyer)).extracting(SalesRequest::id).containsExactly(deal.id());
        assertThat(orders.activeOf(buyer)).extracting(SalesOrder::id).containsExactly(order.id());
        assertThat(requests.get(deal.id()).channelId()).isEqualTo(telegram.id());
        // ...but cannot name Anna's chat as the source of his own request.
        assertThatThrownBy(() -> requests.create(buyer, chat, request("Birthday", null)))
                .isInstanceOf(NotFoundException.class);
        assertThat(requests.create(buyer, null, new RequestDraft("Birthday", null, null, null, null, viber.id()))
                        .channelId())
                .isEqualTo(viber.id());
    }
}
