package com.omnichat.sales.ui;

import com.omnichat.base.Permission;
import com.omnichat.base.RequiresPermission;
import com.omnichat.base.ui.ViewHeader;
import com.omnichat.sales.Product;
import com.omnichat.sales.ProductService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;

/** Administration → Products: the catalogue the order form offers; search, create, edit, deactivate. */
@Route("admin/products")
@Menu(order = 120, title = "nav.products", icon = "vaadin:package")
@PermitAll
@RequiresPermission(Permission.MANAGE_PRODUCTS)
@StyleSheet(SalesStyles.SHEET)
class ProductsView extends VerticalLayout implements HasDynamicTitle {

    private final ProductService products;
    private final SalesFormat format = SalesFormat.current();
    final TextField search = new SalesSearch("product.search");
    final Grid<Product> grid = new Grid<>();
    final Button create = new Button(getTranslation("product.create"), VaadinIcon.PLUS.create());

    ProductsView(ProductService products) {
        this.products = products;
        addClassName("sales-view");
        setSizeFull();
        search.addValueChangeListener(e -> refresh());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> openEditor(null));
        configureGrid();
        add(new ViewHeader(getTranslation("nav.products"), search, create), grid);
        refresh();
    }

    private void configureGrid() {
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.addColumn(Product::name).setHeader(getTranslation("product.name")).setFlexGrow(3);
        grid.addColumn(Product::sku).setHeader(getTranslation("product.sku")).setFlexGrow(1);
        grid.addColumn(p -> format.money(p.price()))
                .setHeader(getTranslation("product.price"))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(LitRenderer.<Product>of("<span theme='badge ${item.theme}'>${item.status}</span>")
                        .withProperty("theme", p -> p.active() ? "success" : "contrast")
                        .withProperty(
                                "status", p -> getTranslation(p.active() ? "product.active" : "product.inactive")))
                .setHeader(getTranslation("product.status"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("product.empty"));
        grid.addItemClickListener(e -> openEditor(e.getItem()));
    }

    private void openEditor(@Nullable Product product) {
        new ProductDialog(products, product, this::refresh).open();
    }

    void refresh() {
        String query = search.getValue();
        grid.setItems(q -> products.search(query, q.getOffset(), q.getLimit()).stream(), q -> products.count(query));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.products");
    }
}
