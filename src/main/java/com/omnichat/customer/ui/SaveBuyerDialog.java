package com.omnichat.customer.ui;

import com.omnichat.customer.BuyerMatch;
import com.omnichat.customer.ClientSummary;
import com.omnichat.customer.LinkReason;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.function.Consumer;

/**
 * "Save buyer" met a buyer the manager may see with the lead's phone or e-mail: nothing is
 * linked until he says so. The buyer is shown by name with his contacts masked; the manager
 * links the lead to him or saves the lead as a new buyer (or cancels, leaving the lead as he is).
 */
class SaveBuyerDialog extends Dialog {

    final Span buyerName = new Span();
    final Span maskedPhone = new Span();
    final Span maskedEmail = new Span();
    final Paragraph unverified = new Paragraph();
    final Button link = new Button();
    final Button createNew = new Button();

    SaveBuyerDialog(ClientSummary lead, BuyerMatch offer, Consumer<BuyerMatch> onLink, Runnable onCreateNew) {
        addClassName("save-buyer-dialog");
        setHeaderTitle(getTranslation(
                offer.reason() == LinkReason.SAME_EMAIL ? "client.match.title.email" : "client.match.title.phone"));
        setWidth("min(32rem, 95vw)");
        var question = new Paragraph(getTranslation("client.match.question", lead.name()));
        buyerName.setText(offer.name());
        buyerName.addClassName("save-buyer-name");
        var buyer = new Div(VaadinIcon.USER.create(), buyerName);
        buyer.addClassName("save-buyer-match");
        if (offer.maskedPhone() != null) {
            maskedPhone.setText(offer.maskedPhone());
            buyer.add(new Div(VaadinIcon.PHONE.create(), maskedPhone));
        }
        if (offer.maskedEmail() != null) {
            maskedEmail.setText(offer.maskedEmail());
            buyer.add(new Div(VaadinIcon.ENVELOPE_O.create(), maskedEmail));
        }
        add(question, buyer);
        if (offer.unverified()) {
            unverified.setText(getTranslation("client.match.unverified"));
            unverified.addClassName("save-buyer-unverified");
            add(unverified);
        }

        link.setText(getTranslation("client.match.link"));
        link.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        link.addClickListener(e -> {
            close();
            onLink.accept(offer);
        });
        createNew.setText(getTranslation("client.match.create"));
        createNew.addClickListener(e -> {
            close();
            onCreateNew.run();
        });
        var cancel = new Button(getTranslation("action.cancel"), e -> close());
        getFooter().add(cancel, createNew, link);
    }
}
