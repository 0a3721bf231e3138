package com.omnichat.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnichat.IntegrationTest;
import com.omnichat.base.UserFacingException;
import com.omnichat.user.StaffFixtures;
import com.omnichat.user.StaffMember;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** The catalogue: administrators keep it, everybody picks active products from it. */
@IntegrationTest
class ProductServiceTest {

    @Autowired
    ProductService products;

    @Autowired
    StaffFixtures staff;

    StaffMember olena;
    StaffMember anna;

    @BeforeEach
    void people() {
        olena = staff.administrator("olena");
        anna = staff.manager("anna");
    }

    @Test
    void administratorKeepsTheCatalogueAndManagersPickActiveProducts() {
        staff.signInAs(olena);
        Product roses = products.create(draft("Red roses, 51", "ROSE-51", "2550", true));
        products.create(draft("Peonies, pink", "PEONY-P", "450.5", true));
        Product old = products.create(draft("Christmas wreath", "XMAS-1", "900", true));
        products.update(old.id(), draft("Christmas wreath", "XMAS-1", "900", false), old.version());

        assertThat(products.search("", 0, 50))
                .extracting(Product::name)
                .containsExactly("Christmas wreath", "Peonies, pink", "Red roses, 51");
        assertThat(products.search("rose", 0, 50)).extracting(Product::sku).containsExactly("ROSE-51");
        assertThat(products.count("peony")).isEqualTo(1);
        assertThat(roses.price()).isEqualByComparingTo("2550.00");

        staff.signInAs(anna);
        assertThat(products.offered("", 0, 50))
                .extracting(Product::name)
                .containsExactly("Peonies, pink", "Red roses, 51");
        assertThat(products.countOffered("xmas")).isZero();
        assertThatThrownBy(() -> products.search("", 0, 50)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> products.create(draft("Mine", "M-1", "1", true)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void skuIsUniqueWhateverItsCaseAndInputIsChecked() {
        staff.signInAs(olena);
        Product roses = products.create(draft("Red roses", "ROSE-51", "2550", true));

        assertRefused(draft("Other roses", "rose-51", "1", true), "product.error.sku-taken [rose-51]");
        assertRefused(draft(" ", "A-1", "1", true), "product.error.name-required");
        assertRefused(draft("Tulips", "with space", "1", true), "product.error.sku-format");
        assertRefused(draft("Tulips", "T-1", "-5", true), "product.error.price-negative");
        assertRefused(draft("Tulips", "T-1", null, true), "product.error.price-required");
        assertThatThrownBy(() ->
                        products.update(roses.id(), draft("Red roses!", "ROSE-51", "1", true), roses.version() - 1))
                .hasMessage("product.error.changed [Red roses]");
        assertThat(products.update(roses.id(), draft("Red roses", "rose-51", "2600", true), roses.version())
                        .sku())
                .isEqualTo("rose-51");
    }

    private void assertRefused(ProductDraft draft, String message) {
        assertThatThrownBy(() -> products.create(draft))
                .isInstanceOf(UserFacingException.class)
                .hasMessage(message);
    }

    private static ProductDraft draft(String name, String sku, String price, boolean active) {
        return new ProductDraft(name, sku, price == null ? null : new BigDecimal(price), active);
    }
}
