package com.omnichat.sales;

import static com.omnichat.sales.SalesFixtures.line;
import static com.omnichat.sales.SalesFixtures.order;
import static com.omnichat.sales.SalesFixtures.withStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnichat.IntegrationTest;
import com.omnichat.base.UserFacingException;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.chat.InboxFixtures;
import com.omnichat.chat.InboxService;
import com.omnichat.chat.MessageView;
import com.omnichat.user.StaffFixtures;
import com.omnichat.user.StaffMember;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Orders on PostgreSQL: totals, who may order, validation, the buyer's history, concurrent edits. */
@IntegrationTest
class OrderServiceTest {

    @Autowired
    OrderService orders;

    @Autowired
    ProductService products;

    @Autowired
    InboxService inbox;

    @Autowired
    StaffFixtures staff;

    @Autowired
    InboxFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    com.omnichat.quickreply.QuickReplyService quickReplies;

    @Autowired
    SalesFixtures sales;

    StaffMember anna;
    StaffMember max;
    ChannelInfo telegram;
    long chat;
    long buyer;

    @BeforeEach
    void annaChatsWithABuyer() {
        anna = staff.manager("anna");
        max = staff.manager("max");
        telegram = fixtures.channel("Telegram · @flowershop_bot", anna, max);
        chat = fixtures.newChat(telegram, "Olena Bondar");
        buyer = sales.makeBuyer(sales.clientOf(chat));
        staff.signInAs(anna);
    }

    @Test
    void theServerComputesLineTotalsAndTheOrderTotalInExactDecimals() {
        SalesOrder order = orders.create(
                buyer,
                chat,
                order(
                        line("Peonies, pink", "2", "450.50"),
                        line("Ribbon", "3", "0.10"),
                        line("Tulips by weight, kg", "1.5", "199.99")));

        assertThat(order.lines())
                .extracting(OrderLine::lineTotal)
                .containsExactly(new BigDecimal("901.00"), new BigDecimal("0.30"), new BigDecimal("299.99"));
        assertThat(order.total()).isEqualByComparingTo("1201.29");
        assertThat(order.total().scale()).isEqualTo(2);
        assertThat(order.lines().get(2).quantity()).isEqualByComparingTo("1.5");
        assertThat(order.status()).isEqualTo(OrderStatus.NEW);
        assertThat(order.number()).isPositive();
        assertThat(order.clientName()).isEqualTo("Olena Bondar");

        SalesOrder edited = orders.update(order.id(), order(line("Peonies, pink", "1", "450.50")), order.version());
        assertThat(edited.lines()).hasSize(1);
        assertThat(edited.total()).isEqualByComparingTo("450.50");
    }

    @Test
    void aCatalogueLineTakesTheProductsNameWhenNoneIsTyped() {
        staff.signInAs(staff.administrator("olena"));
        Product roses = products.create(new ProductDraft("Red roses, 51", "ROSE-51", new BigDecimal("2550"), true));
        staff.signInAs(anna);

        SalesOrder order = orders.create(buyer, chat, order(SalesFixtures.product(roses, "2")));

        assertThat(order.lines().getFirst().description()).isEqualTo("Red roses, 51");
        assertThat(order.lines().getFirst().sku()).isEqualTo("ROSE-51");
        assertThat(order.total()).isEqualByComparingTo("5100.00");
    }

    @Test
    void aProductLeavingTheCatalogueIsDeactivatedNeverDeletedSoItsOrdersKeepIt() {
        StaffMember olena = staff.administrator("olena");
        staff.signInAs(olena);
        Product roses = products.create(new ProductDraft("Red roses, 51", "ROSE-51", new BigDecimal("2550"), true));
        staff.signInAs(anna);
        SalesOrder order = orders.create(buyer, chat, order(SalesFixtures.product(roses, "1")));

        staff.signInAs(olena);
        products.update(
                roses.id(),
                new ProductDraft("Red roses, 51", "ROSE-51", new BigDecimal("2550"), false),
                roses.version());

        assertThat(java.util.Arrays.stream(ProductService.class.getMethods()).map(java.lang.reflect.Method::getName))
                .as("the catalogue offers no way to delete a product")
                .noneMatch(m -> m.matches("(?i)(delete|remove).*"));
        assertThat(products.search("rose", 0, 50)).extracting(Product::active).containsExactly(false);
        staff.signInAs(anna);
        assertThat(products.offered("rose", 0, 50))
                .as("not offered for new orders")
                .isEmpty();
        assertThat(orders.get(order.id()).lines()).singleElement().satisfies(l -> {
            assertThat(l.productId()).isEqualTo(roses.id());
            assertThat(l.sku()).isEqualTo("ROSE-51");
            assertThat(l.description()).isEqualTo("Red roses, 51");
        });
    }

    @Test
    void ordersAreOnlyForBuyers() {
        long leadChat = fixtures.newChat(telegram, "Taras Melnyk");
        long lead = sales.clientOf(leadChat);

        assertThatThrownBy(() -> orders.create(lead, leadChat, order(line("Bouquet", "1", "900"))))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("order.error.not-buyer");
        assertThat(fixtures.countRows("sales_order")).isZero();

        sales.makeBuyer(lead);
        assertThat(orders.create(lead, leadChat, order(line("Bouquet", "1", "900")))
                        .total())
                .isEqualByComparingTo("900");
    }

    @Test
    void badLinesAreRefusedWithTheLineNamed() {
        assertRefused(order(), "order.error.empty");
        assertRefused(order(line("Roses", "-1", "100")), "order.error.quantity-positive [1]");
        assertRefused(order(line("Roses", "1", "100"), line("Tulips", "0", "50")), "order.error.quantity-positive [2]");
        assertRefused(order(line("Roses", "1", "-0.01")), "order.error.price-negative [1]");
        assertRefused(order(line("Roses", "1", "10.005")), "order.error.price-format [1]");
        assertRefused(order(line("  ", "1", "10")), "order.error.line-description [1]");
        assertRefused(
                order(new OrderLineDraft(null, "Roses", null, BigDecimal.TEN)), "order.error.quantity-required [1]");
        assertRefused(
                order(new OrderLineDraft(424242L, null, BigDecimal.ONE, BigDecimal.TEN)),
                "order.error.product-missing [1]");
        assertThat(fixtures.countRows("sales_order")).isZero();

        // A free line at price zero (a gift) is fine.
        assertThat(orders.create(buyer, chat, order(line("Gift card", "1", "0")))
                        .total())
                .isEqualByComparingTo("0");
    }

    @Test
    void theCardCountsPastOrdersAsDeliveredOnesAndListsActiveOnesApart() {
        assertThat(orders.pastOf(buyer).any()).isFalse();
        SalesOrder first = orders.create(buyer, chat, order(line("Peonies", "3", "150")));
        SalesOrder second = orders.create(buyer, chat, order(line("Roses", "1", "1000.25")));
        SalesOrder cancelled = orders.create(buyer, chat, order(line("Tulips", "1", "99")));
        SalesOrder current = orders.create(buyer, chat, order(line("Lilies", "2", "300")));
        sales.status(first, OrderStatus.DELIVERED);
        sales.status(second, OrderStatus.DELIVERED);
        sales.status(cancelled, OrderStatus.CANCELLED);

        PastOrders past = orders.pastOf(buyer);
        assertThat(past.count()).isEqualTo(2);
        assertThat(past.sum()).isEqualByComparingTo("1450.25");
        assertThat(orders.activeOf(buyer)).extracting(SalesOrder::number).containsExactly(current.number());
    }

    @Test
    void statusDecidesWhetherAnOrderIsActive() {
        assertThat(List.of(OrderStatus.values()))
                .filteredOn(OrderStatus::active)
                .containsExactly(OrderStatus.NEW, OrderStatus.CONFIRMED, OrderStatus.SHIPPED);
        SalesOrder order = orders.create(buyer, chat, order(line("Peonies", "1", "150")));

        SalesOrder delivered = orders.update(
                order.id(), withStatus(order(line("Peonies", "1", "150")), OrderStatus.DELIVERED), order.version());

        assertThat(delivered.active()).isFalse();
        assertThat(orders.activeOf(buyer)).isEmpty();
        assertThat(orders.list(new OrderFilter(true, null, null, null), 0, 50)).isEmpty();
        assertThat(orders.list(OrderFilter.all(), 0, 50)).hasSize(1);
    }

    @Test
    void theSecondOfTwoManagersEditingTheSameOrderIsToldInsteadOfOverwriting() {
        SalesOrder order = orders.create(buyer, chat, order(line("Peonies", "1", "150")));
        SalesOrder annasCopy = orders.get(order.id());
        staff.signInAs(max);
        SalesOrder maxsCopy = orders.get(order.id());

        orders.update(maxsCopy.id(), order(line("Peonies", "5", "150")), maxsCopy.version());
        staff.signInAs(anna);

        assertThatThrownBy(() -> orders.update(annasCopy.id(), order(line("Peonies", "2", "150")), annasCopy.version()))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("order.error.changed [" + order.number() + "]");
        assertThat(orders.get(order.id()).total()).isEqualByComparingTo("750.00");
    }

    @Test
    void concurrentSavesOfTheSameVersionLetExactlyOneWin() throws Exception {
        SalesOrder order = orders.create(buyer, chat, order(line("Peonies", "1", "150")));
        var annaPrincipal = staff.principalOf(anna);
        var maxPrincipal = staff.principalOf(max);

        List<String> outcomes = InboxFixtures.concurrently(
                () -> saveAs(annaPrincipal, order, "2"), () -> saveAs(maxPrincipal, order, "3"));

        assertThat(outcomes).containsExactlyInAnyOrder("saved", "order.error.changed");
        assertThat(orders.get(order.id()).version()).isEqualTo(order.version() + 1);
    }

    private String saveAs(com.omnichat.base.StaffPrincipal who, SalesOrder order, String quantity) {
        return com.omnichat.base.SystemAccess.callAs(who, () -> {
            try {
                orders.update(order.id(), order(line("Peonies", quantity, "150")), order.version());
                return "saved";
            } catch (UserFacingException e) {
                return e.messageKey();
            }
        });
    }

    @Test
    void creatingFromTheChatNotesTheOrderThere() {
        SalesOrder order = orders.create(buyer, chat, order(line("Peonies", "1", "150")));

        MessageView note = inbox.history(chat, null, 10).getLast();
        assertThat(note.systemCode()).isEqualTo("order-created");
        assertThat(note.systemArgs()).containsExactly("Anna Tester", String.valueOf(order.number()));
        assertThat(order.conversationId()).isEqualTo(chat);
        assertThat(order.channelId()).isEqualTo(telegram.id());
    }

    @Test
    void aChatOfAnotherClientCannotBeNamedAsTheSource() {
        long otherChat = fixtures.newChat(telegram, "Emma Wilson");

        assertThatThrownBy(() -> orders.create(buyer, otherChat, order(line("Peonies", "1", "150"))))
                .isInstanceOf(com.omnichat.base.NotFoundException.class);
    }

    @Test
    void theNewestActiveOrderFillsTheOrderNumberVariable() {
        assertThat(orders.latestActiveNumber(buyer)).isNull();
        SalesOrder older = orders.create(buyer, chat, order(line("Peonies", "1", "150")));
        SalesOrder newer = orders.create(buyer, chat, order(line("Roses", "1", "150")));
        assertThat(orders.latestActiveNumber(buyer)).isEqualTo(String.valueOf(newer.number()));
        assertThat(com.omnichat.quickreply.QuickReplyService.fill(
                        "{client_name}, your order {order_number} ships today. {manager_name}",
                        quickReplies.variablesFor(buyer, "Olena")))
                .isEqualTo("Olena, your order " + newer.number() + " ships today. Anna Tester");

        sales.status(newer, OrderStatus.SHIPPED);
        assertThat(orders.latestActiveNumber(buyer)).isEqualTo(String.valueOf(newer.number()));
        sales.status(newer, OrderStatus.DELIVERED);
        assertThat(orders.latestActiveNumber(buyer)).isEqualTo(String.valueOf(older.number()));
    }

    @Test
    void theOrdersSectionFindsOrdersByNumberOrClientAndFiltersByStatusAndManager() {
        SalesOrder peonies = orders.create(buyer, chat, order(line("Peonies", "1", "150")));
        long emmaChat = fixtures.newChat(telegram, "Emma Wilson");
        long emma = sales.makeBuyer(sales.clientOf(emmaChat));
        SalesOrder roses =
                orders.create(emma, emmaChat, SalesFixtures.responsible(order(line("Roses", "1", "300")), max.id()));
        sales.status(roses, OrderStatus.CONFIRMED);

        assertThat(numbers(OrderFilter.all())).containsExactly(roses.number(), peonies.number());
        assertThat(numbers(new OrderFilter(false, null, null, "emma"))).containsExactly(roses.number());
        assertThat(numbers(new OrderFilter(false, null, null, "#" + peonies.number())))
                .containsExactly(peonies.number());
        assertThat(numbers(new OrderFilter(false, OrderStatus.CONFIRMED, null, null)))
                .containsExactly(roses.number());
        assertThat(numbers(new OrderFilter(false, null, max.id(), null))).containsExactly(roses.number());
        assertThat(orders.count(new OrderFilter(true, null, null, null))).isEqualTo(2);
        assertThat(orders.list(OrderFilter.all(), 0, 50).getFirst().responsibleName())
                .isEqualTo("Max Tester");
    }

    private List<Long> numbers(OrderFilter filter) {
        return orders.list(filter, 0, 50).stream().map(SalesOrder::number).toList();
    }

    private void assertRefused(OrderDraft draft, String message) {
        assertThatThrownBy(() -> orders.create(buyer, chat, draft))
                .isInstanceOf(UserFacingException.class)
                .hasMessage(message);
    }
}
