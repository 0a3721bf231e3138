package com.omnichat.sales;

import com.omnichat.base.SystemAccess;
import com.omnichat.customer.ClientService;
import com.omnichat.user.StaffMember;
import com.omnichat.user.UserService;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo sales data (dev profile), each part created once: a flower shop's catalogue, a few
 * requests of the demo clients (without a chat, so the demo chats stay as they are) and,
 * for clients who are buyers, an order delivered before and one in progress.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "omnichat.demo-data", havingValue = "true")
class DemoSales implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSales.class);

    private final ProductService products;
    private final RequestService requests;
    private final OrderService orders;
    private final UserService users;
    private final ClientService clients;
    private final JdbcClient jdbc;

    DemoSales(
            ProductService products,
            RequestService requests,
            OrderService orders,
            UserService users,
            ClientService clients,
            JdbcClient jdbc) {
        this.products = products;
        this.requests = requests;
        this.orders = orders;
        this.users = users;
        this.clients = clients;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        SystemAccess.run(() -> {
            Map<String, Long> staff =
                    users.directory().values().stream().collect(Collectors.toMap(StaffMember::login, StaffMember::id));
            List<Product> catalogue = catalogue();
            demoRequests(staff);
            demoOrders(staff, catalogue);
        });
    }

    private List<Product> catalogue() {
        if (count("product") == 0) {
            product("Піони рожеві, 15 шт", "PEONY-15", "1350");
            product("Троянди червоні, 51 шт", "ROSE-51", "2550");
            product("Тюльпани мікс, 25 шт", "TULIP-25", "875");
            product("Букет «Весняний ранок»", "BQ-SPRING", "1200");
            product("Композиція в коробці", "BOX-M", "1650");
            product("Листівка", "CARD", "45");
            product("Подарункове пакування", "WRAP", "80");
            product("Різдвяний вінок", "XMAS-W", "950", false);
            log.info("Demo products created");
        }
        return products.offered("", 0, 50);
    }

    private void product(String name, String sku, String price) {
        product(name, sku, price, true);
    }

    private void product(String name, String sku, String price, boolean active) {
        products.create(new ProductDraft(name, sku, new BigDecimal(price), active));
    }

    private void demoRequests(Map<String, Long> staff) {
        if (count("sales_request") > 0) {
            return;
        }
        List<DemoClient> clients = clients(false);
        String[][] deals = {
            {"Букет на весілля, 40 гостей", "12000", "in-progress", "anna"},
            {"Букет на день народження", "1500", "new", "max"},
            {"Flowers delivered to Lviv", "2200", "new", "anna"},
            {"Оформлення вітрини до 8 березня", "8500", "won", "anna"},
            {"Корпоративні букети", "30000", "lost", "max"},
        };
        for (int i = 0; i < Math.min(deals.length, clients.size()); i++) {
            DemoClient client = clients.get(i);
            String[] deal = deals[i];
            requests.create(
                    client.id(),
                    null,
                    new RequestDraft(
                            deal[0],
                            stage(deal[2]),
                            new BigDecimal(deal[1]),
                            staff.get(deal[3]),
                            null,
                            client.channelId()));
        }
        log.info("Demo requests created");
    }

    private void demoOrders(Map<String, Long> staff, List<Product> catalogue) {
        if (count("sales_order") > 0 || catalogue.size() < 4) {
            return;
        }
        List<DemoClient> buyers = clients(true);
        for (int i = 0; i < Math.min(3, buyers.size()); i++) {
            long buyer = buyers.get(i).id();
            Long manager = staff.get(i % 2 == 0 ? "anna" : "max");
            SalesOrder before = orders.create(
                    buyer,
                    null,
                    draft(
                            OrderStatus.NEW,
                            manager,
                            true,
                            line(catalogue.get(i), "1"),
                            line(catalogue.get(i + 1), "2")));
            orders.update(
                    before.id(),
                    draft(
                            OrderStatus.DELIVERED,
                            manager,
                            true,
                            line(catalogue.get(i), "1"),
                            line(catalogue.get(i + 1), "2")),
                    before.version());
            orders.create(
                    buyer,
                    null,
                    draft(
                            i == 0 ? OrderStatus.CONFIRMED : OrderStatus.NEW,
                            manager,
                            false,
                            line(catalogue.get(i + 2), "1"),
                            new OrderLineDraft(null, "Доставка на певний час", BigDecimal.ONE, new BigDecimal("150"))));
        }
        if (!buyers.isEmpty()) {
            log.info("Demo orders created");
        }
    }

    private static OrderLineDraft line(Product product, String quantity) {
        return new OrderLineDraft(product.id(), null, new BigDecimal(quantity), product.price());
    }

    private static OrderDraft draft(OrderStatus status, @Nullable Long manager, boolean paid, OrderLineDraft... lines) {
        return new OrderDraft(
                status,
                List.of(lines),
                DeliveryMethod.COURIER,
                "Київ, вул. Хрещатик, 22",
                PaymentMethod.CARD,
                paid,
                null,
                manager);
    }

    private @Nullable Long stage(String code) {
        return requests.stages().stream()
                .filter(s -> s.code().equals(code))
                .map(RequestStage::id)
                .findFirst()
                .orElse(null);
    }

    private record DemoClient(long id, @Nullable Long channelId) {}

    private List<DemoClient> clients(boolean buyers) {
        return clients.oldest(buyers, 10).stream()
                .map(c -> new DemoClient(
                        c.id(), c.channelIds().stream().min(Long::compare).orElse(null)))
                .toList();
    }

    private int count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }
}
