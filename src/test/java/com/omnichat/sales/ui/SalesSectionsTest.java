package com.omnichat.sales.ui;

import static com.omnichat.sales.SalesFixtures.line;
import static com.omnichat.sales.SalesFixtures.order;
import static com.omnichat.sales.SalesFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.BrowserlessViewTest;
import com.omnichat.base.ui.NotFoundView;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.sales.OrderService;
import com.omnichat.sales.OrderStatus;
import com.omnichat.sales.ProductService;
import com.omnichat.sales.RequestService;
import com.omnichat.sales.SalesFixtures;
import com.omnichat.sales.SalesOrder;
import com.omnichat.sales.SalesRequest;
import com.omnichat.user.StaffMember;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The Requests and Orders sections (managers) and Administration → Products. */
class SalesSectionsTest extends BrowserlessViewTest {

    @Autowired
    RequestService requests;

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
    long olenaChat;
    long emmaChat;

    @BeforeEach
    void annaAndMaxSellOnTelegram() {
        anna = staff.manager("anna");
        max = staff.manager("max");
        telegram = inbox.channel("Telegram · @flowershop_bot", anna, max);
        olenaChat = inbox.newChat(telegram, "Olena Bondar");
        emmaChat = inbox.newChat(telegram, "Emma Wilson");
        signInAndOpenApp(anna);
    }

    @Test
    void requestsSectionListsActiveRequestsAndFiltersThem() {
        SalesRequest wedding = requests.create(sales.clientOf(olenaChat), olenaChat, request("Wedding", "5000"));
        requests.create(
                sales.clientOf(emmaChat),
                emmaChat,
                new com.omnichat.sales.RequestDraft("Roses to Lviv", null, null, max.id(), null, null));
        SalesRequest lost = requests.create(sales.clientOf(emmaChat), emmaChat, request("Wreath", null));
        requests.update(
                lost.id(),
                new com.omnichat.sales.RequestDraft("Wreath", stageId("lost"), null, null, null, null),
                lost.version());

        RequestsView view = navigate(RequestsView.class);
        assertThat(viewTitle()).isEqualTo("Requests");
        assertThat(titles(view)).containsExactly("Roses to Lviv", "Wedding");
        assertThat(test(view.grid).getCellText(1, 0)).isEqualTo("#" + wedding.number());
        assertThat(test(view.grid).getCellText(1, 3)).isEqualTo("5,000.00");

        test(view.stage).selectItem("All stages");
        assertThat(titles(view)).containsExactly("Wreath", "Roses to Lviv", "Wedding");
        test(view.stage).selectItem("Lost");
        assertThat(titles(view)).containsExactly("Wreath");
        test(view.stage).selectItem("Active");
        view.manager.setValue(view.manager
                .getListDataView()
                .getItems()
                .filter(m -> m.id() == max.id())
                .findFirst()
                .orElseThrow());
        assertThat(titles(view)).containsExactly("Roses to Lviv");
        view.manager.clear();
        test(view.search).setValue("olena");
        assertThat(titles(view)).containsExactly("Wedding");
    }

    @Test
    void aRequestOpensFromTheGridAndSavesBackIntoIt() {
        requests.create(sales.clientOf(olenaChat), olenaChat, request("Wedding", "5000"));
        RequestsView view = navigate(RequestsView.class);

        test(view.grid).clickRow(0);
        RequestForm form = $(RequestForm.class).single();
        assertThat(form.clientName.getValue()).isEqualTo("Olena Bondar");
        test(form.title).setValue("Wedding, 120 guests");
        test(form.stage).selectItem("In progress");
        test(form.save).click();

        assertThat(titles(view)).containsExactly("Wedding, 120 guests");
        assertThat(test(view.grid).getRow(0).stage().code()).isEqualTo("in-progress");

        test(view.grid).clickRow(0);
        RequestForm again = $(RequestForm.class).last();
        test(again.title).setValue("");
        test(again.save).click();
        assertThat(again.isOpened()).isTrue();
        assertThat(again.title.isInvalid()).isTrue();
        assertThat(again.title.getErrorMessage()).isEqualTo("Enter a title for the request.");
    }

    @Test
    void ordersSectionListsActiveOrdersAndFindsThemByNumberOrBuyer() {
        long olena = sales.makeBuyer(sales.clientOf(olenaChat));
        long emma = sales.makeBuyer(sales.clientOf(emmaChat));
        SalesOrder peonies =
                orders.create(olena, olenaChat, order(line("Peonies", "2", "450.50"), line("Ribbon", "1", "20")));
        SalesOrder roses = orders.create(emma, emmaChat, order(line("Roses", "1", "300")));
        SalesOrder old = orders.create(emma, emmaChat, order(line("Tulips", "1", "99")));
        sales.status(old, OrderStatus.DELIVERED);

        OrdersView view = navigate(OrdersView.class);
        assertThat(viewTitle()).isEqualTo("Orders");
        assertThat(numbers(view)).containsExactly(roses.number(), peonies.number());
        assertThat(test(view.grid).getCellText(1, 1)).isEqualTo("Olena Bondar");
        assertThat(test(view.grid).getCellText(1, 3)).isEqualTo("921.00");

        test(view.status).selectItem("All statuses");
        assertThat(numbers(view)).containsExactly(old.number(), roses.number(), peonies.number());
        test(view.search).setValue(String.valueOf(peonies.number()));
        assertThat(numbers(view)).containsExactly(peonies.number());
        test(view.search).setValue("emma");
        assertThat(numbers(view)).containsExactly(old.number(), roses.number());

        test(view.grid).clickRow(1);
        OrderForm form = $(OrderForm.class).single();
        assertThat(form.lines.rows).hasSize(1);
        assertThat(form.lines.total.getText()).isEqualTo("Total: 300.00");
    }

    @Test
    void administratorKeepsTheProductCatalogue() {
        signInAndOpenApp(staff.administrator("olena"));
        ProductsView view = navigate(ProductsView.class);
        assertThat(viewTitle()).isEqualTo("Products");

        test(view.create).click();
        ProductDialog dialog = $(ProductDialog.class).single();
        test(dialog.name).setValue("Red roses, 51");
        test(dialog.sku).setValue("ROSE-51");
        test(dialog.price).setValue(new BigDecimal("2550"));
        test(dialog.save).click();
        assertThat(dialog.isOpened()).isFalse();

        test(view.create).click();
        ProductDialog duplicate = $(ProductDialog.class).last();
        test(duplicate.name).setValue("Roses again");
        test(duplicate.sku).setValue("rose-51");
        test(duplicate.price).setValue(new BigDecimal("1"));
        test(duplicate.save).click();
        assertThat(duplicate.isOpened()).isTrue();
        assertThat(duplicate.sku.isInvalid()).isTrue();
        assertThat(duplicate.sku.getErrorMessage()).isEqualTo("The SKU rose-51 is already used by another product.");
        duplicate.close();

        assertThat(test(view.grid).size()).isEqualTo(1);
        assertThat(test(view.grid).getCellText(0, 2)).isEqualTo("2,550.00");
        test(view.grid).clickRow(0);
        ProductDialog edit = $(ProductDialog.class).last();
        test(edit.active).click();
        test(edit.save).click();
        assertThat(test(view.grid).getRow(0).active()).isFalse();
    }

    @Test
    void managersCannotOpenTheCatalogueAdministration() {
        assertThat(open("admin/products")).isInstanceOf(NotFoundView.class);
    }

    private long stageId(String code) {
        return requests.stages().stream()
                .filter(s -> s.code().equals(code))
                .findFirst()
                .orElseThrow()
                .id();
    }

    private List<String> titles(RequestsView view) {
        var grid = test(view.grid);
        return java.util.stream.IntStream.range(0, grid.size())
                .mapToObj(i -> grid.getRow(i).title())
                .toList();
    }

    private List<Long> numbers(OrdersView view) {
        var grid = test(view.grid);
        return java.util.stream.IntStream.range(0, grid.size())
                .mapToObj(i -> grid.getRow(i).number())
                .toList();
    }
}
