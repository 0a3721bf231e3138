package com.omnichat.sales.ui;

import static com.omnichat.sales.SalesFixtures.line;
import static com.omnichat.sales.SalesFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.BrowserlessViewTest;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.customer.ClientService;
import com.omnichat.customer.ui.ClientCardContext;
import com.omnichat.sales.OrderService;
import com.omnichat.sales.OrderStatus;
import com.omnichat.sales.RequestService;
import com.omnichat.sales.SalesFixtures;
import com.omnichat.sales.SalesOrder;
import com.omnichat.sales.SalesRequest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The card's requests and orders sections, as the card shows them beside a chat: a lead
 * gets requests only; a buyer also orders, with his active ones and what he bought before.
 */
class SalesCardSectionsTest extends BrowserlessViewTest {

    @Autowired
    RequestsCardSection requestsSection;

    @Autowired
    OrdersCardSection ordersSection;

    @Autowired
    ClientService clients;

    @Autowired
    RequestService requests;

    @Autowired
    OrderService orders;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SalesFixtures sales;

    ChannelInfo telegram;
    long chat;
    long client;
    final Div card = new Div();
    final AtomicInteger refreshes = new AtomicInteger();

    @BeforeEach
    void annaOpensAChatWithALead() {
        var anna = staff.manager("anna");
        telegram = inbox.channel("Telegram · @flowershop_bot", anna);
        chat = inbox.newChat(telegram, "Olena Bondar");
        client = sales.clientOf(chat);
        signInAndOpenApp(anna);
        UI.getCurrent().add(card);
    }

    @Test
    void aLeadHasRequestsButNoOrders() {
        assertThat(ordersSection.appliesTo(context())).isFalse();
        assertThat(requestsSection.appliesTo(context())).isTrue();

        render();

        assertThat(texts("card-section-empty")).containsExactly("No active requests");
        assertThat($(CardSectionLayout.class).single().add.getText()).isEqualTo("Add request");
    }

    @Test
    void addRequestFromTheCardCreatesItForThisChatAndTheCardShowsIt() {
        render();
        test(requests().add).click();
        RequestForm form = $(RequestForm.class).single();
        assertThat(form.channel.getValue().name()).isEqualTo("Telegram · @flowershop_bot");
        assertThat(form.channel.isReadOnly()).isTrue();
        assertThat(form.responsible.getValue().fullName()).isEqualTo("Anna Tester");
        test(form.title).setValue("Wedding bouquet");
        test(form.amount).setValue(new java.math.BigDecimal("1500"));
        test(form.save).click();

        assertThat(form.isOpened()).isFalse();
        SalesRequest created = requests.activeOf(client).getFirst();
        assertThat(lastNotification()).isEqualTo("Request #" + created.number() + " created");
        assertThat(created.conversationId()).isEqualTo(chat);
        assertThat(refreshes).hasValue(1);
        assertThat(texts("card-row-text")).containsExactly("Wedding bouquet");
        assertThat(texts("card-row-amount")).containsExactly("1,500.00");
    }

    @Test
    void clickingAnActiveRequestOpensItForEditing() {
        SalesRequest wedding = requests.create(client, chat, SalesFixtures.request("Wedding", "5000"));
        render();

        test($(Div.class).withClassName("card-row").single()).click();

        RequestForm form = $(RequestForm.class).single();
        assertThat(form.title.getValue()).isEqualTo("Wedding");
        test(form.stage).selectItem("Won");
        test(form.save).click();
        assertThat(requests.get(wedding.id()).active()).isFalse();
        assertThat(texts("card-section-empty")).containsExactly("No active requests");
    }

    @Test
    void aBuyerWithoutOrdersIsOfferedAddOrder() {
        sales.makeBuyer(client);
        assertThat(ordersSection.appliesTo(context())).isTrue();

        render();

        assertThat($(CardSectionLayout.class).all())
                .extracting(s -> s.add.getText())
                .containsExactly("Add request", "Add order");
        assertThat(texts("card-section-empty")).containsExactly("No active requests", "No active orders");
        assertThat(texts("card-section-note")).isEmpty();
    }

    @Test
    void aBuyerWhoBoughtBeforeSeesActiveOrdersAndHisHistory() {
        sales.makeBuyer(client);
        SalesOrder first = orders.create(client, chat, order(line("Peonies", "3", "150")));
        SalesOrder second = orders.create(client, chat, order(line("Roses", "1", "1000.25")));
        SalesOrder current = orders.create(client, chat, order(line("Lilies", "2", "300")));
        sales.status(first, OrderStatus.DELIVERED);
        sales.status(second, OrderStatus.DELIVERED);

        render();

        assertThat(texts("card-row-number")).containsExactly("#" + current.number());
        assertThat(texts("card-row-amount")).containsExactly("600.00");
        assertThat(texts("card-section-note")).containsExactly("Earlier orders: 2, total 1,450.25");

        test($(Div.class).withClassName("card-row").single()).click();
        OrderForm form = $(OrderForm.class).single();
        assertThat(form.getHeaderTitle()).isEqualTo("Order #" + current.number() + " · Olena Bondar");
        assertThat(form.lines.total.getText()).isEqualTo("Total: 600.00");
    }

    @Test
    void addOrderOpensTheOrderFormForThisBuyerAndChat() {
        sales.makeBuyer(client);
        render();

        test(orders().add).click();
        OrderForm form = $(OrderForm.class).single();
        assertThat(form.getHeaderTitle()).isEqualTo("New order · Olena Bondar");
        var row = form.lines.rows.getFirst();
        row.article.setValue(Article.text("Peonies, pink"));
        test(row.quantity).setValue(new java.math.BigDecimal("2"));
        test(row.price).setValue(new java.math.BigDecimal("450.50"));
        test(form.save).click();

        SalesOrder created = orders.activeOf(client).getFirst();
        assertThat(created.conversationId()).isEqualTo(chat);
        assertThat(lastNotification()).isEqualTo("Order #" + created.number() + " created, total 901.00");
        assertThat(texts("card-row-number")).containsExactly("#" + created.number());
    }

    private CardSectionLayout requests() {
        return $(CardSectionLayout.class).withClassName("card-requests").single();
    }

    private CardSectionLayout orders() {
        return $(CardSectionLayout.class).withClassName("card-orders").single();
    }

    private ClientCardContext context() {
        return new ClientCardContext(clients.summary(client), chat, telegram.id(), this::refresh);
    }

    private void refresh() {
        refreshes.incrementAndGet();
        render();
    }

    /** Builds the sections as the card does: those that apply, in their order. */
    private void render() {
        card.removeAll();
        ClientCardContext context = context();
        java.util.stream.Stream.of(requestsSection, ordersSection)
                .filter(s -> s.appliesTo(context))
                .sorted(java.util.Comparator.comparingInt(s -> s.order()))
                .map(s -> (Component) s.create(context))
                .forEach(card::add);
    }

    private java.util.List<String> texts(String className) {
        return $(Span.class).withClassName(className).all().stream()
                .map(Span::getText)
                .toList();
    }
}
