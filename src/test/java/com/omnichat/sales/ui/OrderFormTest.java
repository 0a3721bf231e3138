package com.omnichat.sales.ui;

import static com.omnichat.sales.SalesFixtures.line;
import static com.omnichat.sales.SalesFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.BrowserlessViewTest;
import com.omnichat.base.SystemAccess;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.channel.ChannelType;
import com.omnichat.customer.ClientService;
import com.omnichat.sales.OrderService;
import com.omnichat.sales.OrderStatus;
import com.omnichat.sales.Product;
import com.omnichat.sales.ProductDraft;
import com.omnichat.sales.ProductService;
import com.omnichat.sales.SalesFixtures;
import com.omnichat.sales.SalesOrder;
import com.omnichat.user.StaffMember;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The order form: lines and their running total, validation, a colleague's save, "Write". */
class OrderFormTest extends BrowserlessViewTest {

    @Autowired
    SalesForms forms;

    @Autowired
    ClientService clients;

    @Autowired
    OrderService orders;

    @Autowired
    ProductService products;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SalesFixtures sales;

    StaffMember anna;
    StaffMember max;
    ChannelInfo telegram;
    ChannelInfo viber;
    long chat;
    long buyer;
    Product roses;

    @BeforeEach
    void annaServesABuyer() {
        var olena = staff.administrator("olena");
        anna = staff.manager("anna");
        max = staff.manager("max");
        telegram = inbox.channel("Telegram · @flowershop_bot", anna, max);
        viber = inbox.channel(ChannelType.VIBER, "Viber · Flower Shop", anna);
        chat = inbox.newChat(telegram, "Olena Bondar");
        buyer = sales.makeBuyer(sales.clientOf(chat));
        sales.identityOn(buyer, viber, "vb-olena");
        roses = SystemAccess.callAs(
                staff.principalOf(olena),
                () -> products.create(new ProductDraft("Red roses, 51", "ROSE-51", new BigDecimal("2550"), true)));
        signInAndOpenApp(anna);
    }

    @Test
    void twoLinesShowTheirTotalsAndTheServerStoresTheSameTotal() {
        OrderForm form = forms.newOrder(clients.summary(buyer), chat, () -> {});
        roundTrip();
        var first = form.lines.rows.getFirst();
        first.article.setValue(Article.of(roses));
        assertThat(first.price.getValue()).isEqualByComparingTo("2550");
        assertThat(first.quantity.getValue()).isEqualByComparingTo("1");
        test(first.quantity).setValue(new BigDecimal("2"));
        test(form.lines.addLine).click();
        var second = form.lines.rows.get(1);
        second.article.setValue(Article.text("Gift wrapping"));
        test(second.quantity).setValue(new BigDecimal("3"));
        test(second.price).setValue(new BigDecimal("49.99"));

        assertThat(first.lineTotal.getText()).isEqualTo("5,100.00");
        assertThat(second.lineTotal.getText()).isEqualTo("149.97");
        assertThat(form.lines.total.getText()).isEqualTo("Total: 5,249.97");

        test(form.delivery).selectItem("Courier");
        test(form.address).setValue("Kyiv, Khreshchatyk 1");
        test(form.payment).selectItem("Card");
        test(form.save).click();

        SalesOrder saved = orders.activeOf(buyer).getFirst();
        assertThat(saved.total()).isEqualByComparingTo("5249.97");
        SalesOrder full = orders.get(saved.id());
        assertThat(full.lines()).extracting(l -> l.description()).containsExactly("Red roses, 51", "Gift wrapping");
        assertThat(full.lines().getFirst().productId()).isEqualTo(roses.id());
        assertThat(full.responsibleName()).isEqualTo("Anna Tester");
        assertThat(full.deliveryAddress()).isEqualTo("Kyiv, Khreshchatyk 1");
        assertThat(form.isOpened()).isFalse();
    }

    @Test
    void aBadLineKeepsTheFormOpenWithTheReason() {
        OrderForm form = forms.newOrder(clients.summary(buyer), chat, () -> {});
        roundTrip();
        test(form.save).click();
        var row = form.lines.rows.getFirst();
        assertThat(row.article.isInvalid()).isTrue();
        assertThat(row.article.getErrorMessage()).isEqualTo("Add at least one line to the order.");

        row.article.setValue(Article.text("Tulips"));
        test(row.quantity).setValue(new BigDecimal("-2"));
        test(row.price).setValue(new BigDecimal("40"));
        test(form.save).click();

        assertThat(form.isOpened()).isTrue();
        assertThat(row.quantity.isInvalid()).isTrue();
        assertThat(row.quantity.getErrorMessage()).isEqualTo("Line 1: the quantity must be greater than zero.");
        assertThat(orders.count(com.omnichat.sales.OrderFilter.all())).isZero();
    }

    @Test
    void whenAColleagueSavedFirstTheFormSaysSoAndKeepsHisChanges() {
        SalesOrder order = orders.create(buyer, chat, order(line("Peonies", "1", "150")));
        OrderForm form = forms.editOrder(order.id(), () -> {});
        roundTrip();
        SystemAccess.runAs(
                staff.principalOf(max),
                () -> orders.update(
                        order.id(),
                        SalesFixtures.withStatus(order(line("Peonies", "1", "150")), OrderStatus.CONFIRMED),
                        order.version()));

        test(form.status).selectItem("Cancelled");
        test(form.save).click();

        assertThat(form.isOpened()).isTrue();
        assertThat(lastNotification())
                .isEqualTo("Someone else saved order #" + order.number()
                        + " while you were editing it. Close the form and open it again to see the changes.");
        assertThat(orders.get(order.id()).status()).isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void writeOffersTheBuyersChannelsAndOpensTheChat() {
        SalesOrder order = orders.create(buyer, chat, order(line("Peonies", "1", "150")));
        OrderForm form = forms.editOrder(order.id(), () -> {});
        roundTrip();

        var buttons = form.write
                .getChildren()
                .filter(Button.class::isInstance)
                .map(Button.class::cast)
                .toList();
        assertThat(buttons)
                .extracting(Button::getTooltip)
                .extracting(t -> t.getText())
                .containsExactly("Write in Telegram · @flowershop_bot", "Write in Viber · Flower Shop");
        test(buttons.get(1)).click();

        assertThat(form.isOpened()).isFalse();
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters())
                .startsWith("chats?")
                .contains("client=" + buyer)
                .contains("channel=" + viber.id());
    }

    @Test
    void writeAlsoOffersAPhoneChannelForTheBuyersPhone() {
        ChannelInfo whatsapp = inbox.channel(ChannelType.WHATSAPP, "WhatsApp · Flower Shop", anna);
        jdbc.sql("update client set phone = '+380671234567', phone_verified = true where id = ?")
                .param(buyer)
                .update();
        SalesOrder order = orders.create(buyer, chat, order(line("Peonies", "1", "150")));
        OrderForm form = forms.editOrder(order.id(), () -> {});
        roundTrip();

        var buttons = form.write
                .getChildren()
                .filter(Button.class::isInstance)
                .map(Button.class::cast)
                .toList();
        assertThat(buttons)
                .extracting(Button::getTooltip)
                .extracting(t -> t.getText())
                .containsExactly(
                        "Write in Telegram · @flowershop_bot",
                        "Write in Viber · Flower Shop",
                        "Write in WhatsApp · Flower Shop to +380 67 123 4567");
        test(buttons.get(2)).click();

        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters())
                .startsWith("chats?")
                .contains("client=" + buyer)
                .contains("channel=" + whatsapp.id());
    }

    @Test
    void noPhoneChannelWithoutAPhoneInTheCard() {
        inbox.channel(ChannelType.WHATSAPP, "WhatsApp · Flower Shop", anna);
        SalesOrder order = orders.create(buyer, chat, order(line("Peonies", "1", "150")));
        OrderForm form = forms.editOrder(order.id(), () -> {});
        roundTrip();

        assertThat(form.write.getChildren().filter(Button.class::isInstance).count())
                .isEqualTo(2);
    }
}
