package com.omnichat.user.ui;

import com.omnichat.base.Role;
import com.omnichat.base.UserFacingException;
import com.omnichat.base.ui.Notifications;
import com.omnichat.user.NewStaffMember;
import com.omnichat.user.StaffChanges;
import com.omnichat.user.StaffMember;
import com.omnichat.user.UserService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;

/** Creates a user (member == null) or edits one; service errors show on the dialog. */
class UserDialog extends Dialog {

    private final UserService users;
    private final StaffMember member;
    private final Runnable onSaved;

    final TextField login = new TextField(getTranslation("users.login"));
    final TextField fullName = new TextField(getTranslation("users.name"));
    final EmailField email = new EmailField(getTranslation("users.email"));
    final Select<Role> role = new Select<>();
    final Checkbox active = new Checkbox(getTranslation("users.active"));
    final PasswordField password = new PasswordField(getTranslation("users.password"));
    final Button save = new Button(getTranslation("action.save"));
    final Button resetPassword = new Button(getTranslation("users.reset-password"));

    UserDialog(UserService users, StaffMember member, Runnable onSaved) {
        this.users = users;
        this.member = member;
        this.onSaved = onSaved;
        setHeaderTitle(getTranslation(member == null ? "users.create" : "users.edit"));
        setWidth("min(32rem, 95vw)");
        role.setLabel(getTranslation("users.role"));
        role.setItems(Role.values());
        role.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        add(form());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        var cancel = new Button(getTranslation("action.cancel"), e -> close());
        if (member != null) {
            resetPassword.addClickListener(e -> new ResetPasswordDialog(users, member).open());
            getFooter().add(resetPassword);
        }
        getFooter().add(cancel, save);
    }

    private FormLayout form() {
        var form = new FormLayout();
        fullName.setRequired(true);
        login.setRequired(true);
        if (member == null) {
            role.setValue(Role.MANAGER);
            password.setRequired(true);
            password.setHelperText(getTranslation("users.password-rules"));
            form.add(login, fullName, email, role, password);
        } else {
            login.setValue(member.login());
            login.setReadOnly(true);
            fullName.setValue(member.fullName());
            email.setValue(member.email() == null ? "" : member.email());
            role.setValue(member.role());
            active.setValue(member.active());
            form.add(login, fullName, email, role, active);
        }
        return form;
    }

    private void save() {
        try {
            if (member == null) {
                users.create(new NewStaffMember(login.getValue(), fullName.getValue(), email.getValue(),
                        role.getValue(), password.getValue()));
                Notifications.success("users.created", login.getValue());
            } else {
                users.update(member.id(), new StaffChanges(fullName.getValue(), email.getValue(), role.getValue(),
                        active.getValue(), member.version()));
                Notifications.success("users.saved", fullName.getValue());
            }
            close();
            onSaved.run();
        } catch (UserFacingException e) {
            Notifications.error(e);
        }
    }
}
