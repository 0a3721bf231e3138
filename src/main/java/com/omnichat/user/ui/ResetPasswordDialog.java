package com.omnichat.user.ui;

import com.omnichat.base.UserFacingException;
import com.omnichat.base.ui.Forms;
import com.omnichat.base.ui.Notifications;
import com.omnichat.user.StaffMember;
import com.omnichat.user.UserService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.PasswordField;

/** An administrator sets a new password for a user (who then signs in with it); a refusal shows on the field. */
class ResetPasswordDialog extends Dialog {

    final PasswordField password = new PasswordField(getTranslation("users.new-password"));

    ResetPasswordDialog(UserService users, StaffMember member) {
        setHeaderTitle(getTranslation("users.reset-password-for", member.fullName()));
        password.setHelperText(getTranslation("users.password-rules"));
        password.setWidthFull();
        add(password);
        var save = new Button(getTranslation("users.reset-password"), e -> {
            try {
                users.resetPassword(member.id(), password.getValue());
                Notifications.success("users.password-reset", member.fullName());
                close();
            } catch (UserFacingException ex) {
                Forms.showOn(password, ex);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }
}
