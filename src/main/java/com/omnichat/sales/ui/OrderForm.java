package com.omnichat.sales.ui;

import com.omnichat.base.CurrentStaff;
import com.omnichat.base.NotFoundException;
import com.omnichat.base.UserFacingException;
import com.omnichat.base.ui.Forms;
import com.omnichat.base.ui.Notifications;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.customer.ClientSummary;
import com.omnichat.sales.DeliveryMethod;
import com.omnichat.sales.OrderDraft;
import com.omnichat.sales.OrderLineDraft;
import com.omnichat.sales.OrderService;
import com.omnichat.sales.OrderStatus;
import com.omnichat.sales.PaymentMethod;
import com.omnichat.sales.SalesOrder;
import com.omnichat.user.StaffMember;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ReadOnlyHasValue;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The order form: status, lines with a running total, delivery, payment, comment, manager,
 * and "Write" buttons opening the buyer's chat on each of his channels. New orders are
 * created for a buyer (from a chat or his card); the total shown is a preview until saved.
 * The form is bound to its {@link OrderDraft}; errors show on their fields, a line's on its row.
 */
@StyleSheet(SalesStyles.SHEET)
class OrderForm extends Dialog {

    private final OrderService orders;
    private final @Nullable SalesOrder existing;
    private final @Nullable ClientSummary client;
    private final @Nullable Long conversationId;
    private final Runnable onSaved;

    final Select<OrderStatus> status = new Select<>();
    final ComboBox<StaffMember> responsible = new ComboBox<>(getTranslation("sales.responsible"));
    final OrderLinesEditor lines;
    final Select<DeliveryMethod> delivery = new Select<>();
    final TextField address = new TextField(getTranslation("order.delivery.address"));
    final Select<PaymentMethod> payment = new Select<>();
    final Checkbox paid = new Checkbox(getTranslation("order.paid"));
    final TextArea comment = new TextArea(getTranslation("sales.comment"));
    final Div write = new Div();
    final Button save = new Button(getTranslation("action.save"));
    final BeanValidationBinder<OrderDraft> binder = Forms.binder(OrderDraft.class);
    // The lines have their own editor: the draft takes them from it when saving.
    private final ReadOnlyHasValue<List<OrderLineDraft>> lineDrafts = Forms.kept(List.of());

    OrderForm(
            SalesForms forms,
            @Nullable SalesOrder existing,
            @Nullable ClientSummary client,
            @Nullable Long conversationId,
            Runnable onSaved) {
        this.orders = forms.orders;
        this.existing = existing;
        this.client = client;
        this.conversationId = conversationId;
        this.onSaved = onSaved;
        SalesFormat format = SalesFormat.current();
        addClassNames("sales-form", "order-form");
        setWidth("min(60rem, 96vw)");
        String buyerName = existing != null
                ? existing.clientName()
                : Objects.requireNonNull(client).name();
        setHeaderTitle(
                existing == null
                        ? getTranslation("order.new", buyerName)
                        : getTranslation("order.edit", SalesFormat.number(existing.number()), buyerName));

        status.setLabel(getTranslation("order.status"));
        status.setItems(OrderStatus.values());
        status.setItemLabelGenerator(s -> s == null ? "" : SalesFormat.statusName(s));
        List<StaffMember> responsibleChoices =
                forms.responsibleChoices(existing == null ? null : existing.responsibleId());
        responsible.setItems(responsibleChoices);
        responsible.setItemLabelGenerator(StaffMember::fullName);
        responsible.setClearButtonVisible(true);

        lines = new OrderLinesEditor(forms.products, format, existing == null ? List.of() : existing.lines());

        delivery.setLabel(getTranslation("order.delivery"));
        delivery.setItems(DeliveryMethod.values());
        delivery.setItemLabelGenerator(m -> m == null ? "" : getTranslation("order.delivery." + m.name()));
        delivery.setEmptySelectionAllowed(true);
        delivery.setEmptySelectionCaption(getTranslation("sales.not-set"));
        address.setMaxLength(OrderService.MAX_ADDRESS);
        payment.setLabel(getTranslation("order.payment"));
        payment.setItems(PaymentMethod.values());
        payment.setItemLabelGenerator(m -> m == null ? "" : getTranslation("order.payment." + m.name()));
        payment.setEmptySelectionAllowed(true);
        payment.setEmptySelectionCaption(getTranslation("sales.not-set"));
        comment.setMaxLength(OrderService.MAX_COMMENT);
        comment.setMinRows(2);
        bind(responsibleChoices);

        var top = new FormLayout(status, responsible);
        top.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        var details = new FormLayout();
        details.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        details.add(delivery, address, payment, paid);
        details.add(comment, 2);
        add(top, section("order.lines"), lines, section("order.delivery-payment"), details);

        ClientSummary buyer = client != null
                ? client
                : forms.clientOrNull(Objects.requireNonNull(existing).clientId());
        configureWrite(forms, buyer);

        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        getFooter().add(write);
        var spacer = new Span();
        spacer.addClassName("dialog-footer-spacer");
        getFooter().add(spacer, new Button(getTranslation("action.cancel"), e -> close()), save);
    }

    private void bind(List<StaffMember> responsibleChoices) {
        binder.forField(status).bind("status");
        binder.forField(lineDrafts).bind("lines");
        binder.forField(delivery).bind("deliveryMethod");
        binder.forField(address).bind("deliveryAddress");
        binder.forField(payment).bind("paymentMethod");
        binder.forField(paid).bind("paid");
        binder.forField(comment).bind("comment");
        binder.forField(responsible)
                .withConverter(Forms.byId(responsibleChoices, StaffMember::id))
                .bind("responsibleId");
        binder.readRecord(
                existing == null
                        ? new OrderDraft(
                                OrderStatus.NEW,
                                List.of(),
                                null,
                                "",
                                null,
                                false,
                                "",
                                CurrentStaff.require().id())
                        : new OrderDraft(
                                existing.status(),
                                List.of(),
                                existing.deliveryMethod(),
                                existing.deliveryAddress(),
                                existing.paymentMethod(),
                                existing.paid(),
                                existing.comment(),
                                existing.responsibleId()));
    }

    private Component section(String key) {
        var heading = new H4(getTranslation(key));
        heading.addClassName("sales-form-section");
        return heading;
    }

    /**
     * One button per channel of the buyer the user works with, and per channel that can start
     * a dialog by the phone in his card: opens the chat there, or "Write message" to start it.
     */
    private void configureWrite(SalesForms forms, @Nullable ClientSummary buyer) {
        write.addClassName("order-write");
        if (buyer == null) {
            return;
        }
        List<SalesForms.WriteTarget> targets = forms.writeTargets(buyer);
        if (targets.isEmpty()) {
            return;
        }
        write.add(new Span(getTranslation("order.write")));
        for (SalesForms.WriteTarget target : targets) {
            ChannelInfo channel = target.channel();
            var button = new Button(new Icon(channel.type().icon()));
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
            String label = target.address() == null
                    ? getTranslation("order.write.to", channel.name())
                    : getTranslation(
                            "order.write.to-address",
                            channel.name(),
                            com.omnichat.customer.Phones.display(target.address()));
            button.setTooltipText(label);
            button.setAriaLabel(label);
            button.addClassName(target.address() == null ? "order-write-known" : "order-write-by-address");
            button.addClickListener(e -> {
                close();
                UI.getCurrent()
                        .navigate(
                                "chats",
                                QueryParameters.simple(Map.of(
                                        "client",
                                        String.valueOf(buyer.id()),
                                        "channel",
                                        String.valueOf(channel.id()))));
            });
            write.add(button);
        }
    }

    private void save() {
        lineDrafts.setValue(lines.drafts());
        OrderDraft draft;
        try {
            draft = binder.writeRecord();
        } catch (ValidationException e) {
            return;
        }
        try {
            SalesOrder saved = existing == null
                    ? orders.create(Objects.requireNonNull(client).id(), conversationId, draft)
                    : orders.update(existing.id(), draft, existing.version());
            Notifications.success(
                    existing == null ? "order.created" : "order.saved",
                    SalesFormat.number(saved.number()),
                    SalesFormat.current().money(saved.total()));
            close();
            onSaved.run();
        } catch (UserFacingException e) {
            if (!lines.showOnLine(e)) {
                Forms.show(
                        e,
                        Map.of(
                                "order.error.address",
                                address,
                                "sales.error.comment",
                                comment,
                                "sales.error.responsible",
                                responsible));
            }
        } catch (NotFoundException e) {
            Notifications.errorKey("sales.error.gone");
            close();
            onSaved.run();
        }
    }
}
