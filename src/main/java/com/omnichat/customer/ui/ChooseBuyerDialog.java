package com.omnichat.customer.ui;

import com.omnichat.customer.ClientCardService;
import com.omnichat.customer.ClientSummary;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.function.Consumer;

/**
 * "Choose buyer from the list": search the buyers the manager may see, pick one, link the
 * lead to him (the lead's chats then show the buyer's card).
 */
class ChooseBuyerDialog extends Dialog {

    static final int LIMIT = 50;

    final TextField search = new TextField();
    final Grid<ClientSummary> grid = new Grid<>();
    final Button link = new Button();
    private final ClientCardService cards;

    ChooseBuyerDialog(ClientCardService cards, ClientSummary lead, Consumer<ClientSummary> onChosen) {
        this.cards = cards;
        addClassName("choose-buyer-dialog");
        setHeaderTitle(getTranslation("client.choose.title"));
        setWidth("min(40rem, 95vw)");
        search.setPlaceholder(getTranslation("client.choose.search"));
        search.setAriaLabel(getTranslation("client.choose.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidthFull();
        search.addValueChangeListener(e -> refresh());
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        grid.setHeight("18rem");
        grid.addColumn(ClientsGrid.clientRenderer())
                .setHeader(getTranslation("clients.column.client"))
                .setFlexGrow(2);
        grid.addColumn(c -> ClientsGrid.contacts(c))
                .setHeader(getTranslation("clients.column.contacts"))
                .setFlexGrow(2);
        grid.setEmptyStateText(getTranslation("client.choose.empty"));
        grid.addSelectionListener(e -> link.setEnabled(e.getFirstSelectedItem().isPresent()));
        grid.addItemDoubleClickListener(e -> choose(e.getItem(), onChosen));
        var hint = new Paragraph(getTranslation("client.choose.hint", lead.name()));
        hint.addClassName("choose-buyer-hint");
        add(hint, search, grid);

        link.setText(getTranslation("client.choose.link"));
        link.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        link.setEnabled(false);
        link.addClickListener(e -> grid.getSelectedItems().stream().findFirst().ifPresent(b -> choose(b, onChosen)));
        var cancel = new Button(getTranslation("action.cancel"), e -> close());
        getFooter().add(cancel, link);
        refresh();
        search.focus();
    }

    private void choose(ClientSummary buyer, Consumer<ClientSummary> onChosen) {
        close();
        onChosen.accept(buyer);
    }

    private void refresh() {
        grid.setItems(cards.buyersToChoose(search.getValue(), LIMIT));
    }
}
