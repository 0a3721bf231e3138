package com.omnichat.sales.ui;

import com.omnichat.customer.ui.ClientCardContext;
import com.omnichat.customer.ui.ClientCardSection;
import com.omnichat.sales.SalesRequest;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * The card's requests: "Add request" for any client, lead or buyer, and his active requests
 * (click one to edit it). Saving refreshes the card.
 */
@Component
class RequestsCardSection implements ClientCardSection {

    static final int ORDER = 200;

    private final SalesForms forms;

    RequestsCardSection(SalesForms forms) {
        this.forms = forms;
    }

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public com.vaadin.flow.component.Component create(ClientCardContext context) {
        var section =
                new CardSectionLayout(ui().getTranslation("card.requests"), ui().getTranslation("card.add-request"));
        section.addClassName("card-requests");
        section.add.addClickListener(e ->
                forms.newRequest(context.client(), context.conversationId(), context.channelId(), context.refresh()));
        var format = SalesFormat.current();
        var active = forms.requests.activeOf(context.client().id());
        for (SalesRequest r : active) {
            section.row(
                    SalesFormat.number(r.number()),
                    r.title(),
                    SalesFormat.stageName(r.stage()),
                    SalesFormat.stageTheme(r.stage()),
                    r.amount() == null ? "" : format.money(r.amount()),
                    () -> forms.editRequest(r.id(), context.refresh()));
        }
        if (active.isEmpty()) {
            section.empty(ui().getTranslation("card.no-active-requests"));
        }
        return section;
    }

    private static com.vaadin.flow.component.UI ui() {
        return Objects.requireNonNull(com.vaadin.flow.component.UI.getCurrent());
    }
}
