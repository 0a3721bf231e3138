package com.omnichat.sales.ui;

import com.omnichat.base.NotFoundException;
import com.omnichat.base.UserFacingException;
import com.omnichat.base.ui.Forms;
import com.omnichat.base.ui.Notifications;
import com.omnichat.sales.Product;
import com.omnichat.sales.ProductDraft;
import com.omnichat.sales.ProductService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Creates (product == null) or edits a catalogue product; errors show on the fields and keep it open. */
class ProductDialog extends Dialog {

    private final ProductService products;
    private final @Nullable Product product;
    private final Runnable onSaved;

    final TextField name = new TextField(getTranslation("product.name"));
    final TextField sku = new TextField(getTranslation("product.sku"));
    final BigDecimalField price = new BigDecimalField(getTranslation("product.price"));
    final Checkbox active = new Checkbox(getTranslation("product.active"));
    final Button save = new Button(getTranslation("action.save"));
    final BeanValidationBinder<ProductDraft> binder = Forms.binder(ProductDraft.class);

    ProductDialog(ProductService products, @Nullable Product product, Runnable onSaved) {
        this.products = products;
        this.product = product;
        this.onSaved = onSaved;
        setHeaderTitle(getTranslation(product == null ? "product.create" : "product.edit"));
        setWidth("min(32rem, 95vw)");
        name.setRequired(true);
        name.setMaxLength(ProductService.MAX_NAME);
        sku.setRequired(true);
        sku.setMaxLength(ProductService.MAX_SKU);
        sku.setHelperText(getTranslation("product.sku.helper"));
        price.setRequiredIndicatorVisible(true);
        binder.forField(name).bind("name");
        binder.forField(sku).bind("sku");
        binder.forField(price).bind("price");
        binder.forField(active).bind("active");
        binder.readRecord(
                product == null
                        ? new ProductDraft("", "", null, true)
                        : new ProductDraft(product.name(), product.sku(), product.price(), product.active()));
        var form = new FormLayout(name, sku, price, active);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("24rem", 2));
        form.setColspan(name, 2);
        add(form);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }

    private void save() {
        ProductDraft draft;
        try {
            draft = binder.writeRecord();
        } catch (ValidationException e) {
            return;
        }
        try {
            Product saved =
                    product == null ? products.create(draft) : products.update(product.id(), draft, product.version());
            Notifications.success(product == null ? "product.created" : "product.saved", saved.name());
            close();
            onSaved.run();
        } catch (UserFacingException e) {
            Forms.show(e, Map.of("product.error.sku", sku, "product.error.name", name, "product.error.price", price));
        } catch (NotFoundException e) {
            close();
            onSaved.run();
        }
    }
}
