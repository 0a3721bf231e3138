package com.omnichat.customer.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.shared.Tooltip;

/**
 * The small "unverified" mark inside a phone or e-mail field whose value the client left
 * himself. It is a button: once the manager has checked the contact with the client, a click
 * confirms it (the card's listener), and the mark goes away. The tooltip and the accessible
 * name say what it means and does.
 */
class UnverifiedMark extends Button {

    UnverifiedMark(String explanationKey) {
        super();
        setText(getTranslation("client.unverified"));
        setIcon(VaadinIcon.WARNING.create());
        addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_WARNING);
        addClassName("client-unverified");
        String explanation = getTranslation(explanationKey);
        setTooltipText(explanation).setPosition(Tooltip.TooltipPosition.BOTTOM);
        setAriaLabel(getTranslation("client.unverified") + ": " + explanation);
        setVisible(false);
    }
}
