package com.omnichat.chat.ui;

import com.omnichat.base.UserFacingException;
import com.omnichat.base.ui.Notifications;
import com.omnichat.user.UserService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;

/**
 * The user's own e-mail signature (user menu → E-mail signature…): plain text that follows
 * his replies in e-mail chats after the "-- " line. Empty means no signature.
 */
class SignatureDialog extends Dialog {

    private final UserService users;
    final TextArea signature = new TextArea();
    final Button save;

    SignatureDialog(UserService users) {
        this.users = users;
        addClassName("signature-settings");
        setHeaderTitle(getTranslation("signature.title"));
        setWidth("min(32rem, 100vw)");

        var intro = new Paragraph(getTranslation("signature.intro"));
        signature.setLabel(getTranslation("signature.field"));
        signature.setMaxLength(UserService.MAX_SIGNATURE);
        signature.setValue(users.ownSignature().orElse(""));
        signature.setWidthFull();
        signature.setMinHeight("8rem");
        add(intro, signature);

        save = new Button(getTranslation("action.save"), e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button(getTranslation("action.cancel"), e -> close());
        getFooter().add(cancel, save);
    }

    private void save() {
        try {
            boolean set = users.changeOwnSignature(signature.getValue()).isPresent();
            Notifications.success(set ? "signature.saved" : "signature.removed");
            close();
        } catch (UserFacingException e) {
            Notifications.error(e);
        }
    }
}
