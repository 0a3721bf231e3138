package com.omnichat.user.ui;

import com.omnichat.base.Role;
import com.omnichat.base.UserFacingException;
import com.omnichat.base.ui.Forms;
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
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import java.util.List;
import java.util.Map;

/**
 * Creates a user (member == null, bound to a {@link NewStaffMember}) or edits one (bound to
 * {@link StaffChanges}); errors show on their fields.
 */
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
    private final BeanValidationBinder<NewStaffMember> creation = Forms.binder(NewStaffMember.class);
    private final BeanValidationBinder<StaffChanges> changes = Forms.binder(StaffChanges.class);

    UserDialog(UserService users, List<Role> roles, StaffMember member, Runnable onSaved) {
        this.users = users;
        this.member = member;
        this.onSaved = onSaved;
        setHeaderTitle(getTranslation(member == null ? "users.create" : "users.edit"));
        setWidth("min(32rem, 95vw)");
        role.setLabel(getTranslation("users.role"));
        role.setItems(roles);
        role.setItemLabelGenerator(r -> RolesView.label(this, r));
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
            password.setRequired(true);
            password.setHelperText(getTranslation("users.password-rules"));
            creation.forField(login).bind("login");
            creation.forField(fullName).bind("fullName");
            creation.forField(email).bind("email");
            creation.forField(role).bind("role");
            creation.forField(password).bind("password");
            creation.readRecord(new NewStaffMember("", "", "", Role.MANAGER, ""));
            form.add(login, fullName, email, role, password);
        } else {
            login.setValue(member.login());
            login.setReadOnly(true);
            changes.forField(fullName).bind("fullName");
            changes.forField(email).bind("email");
            changes.forField(role).bind("role");
            changes.forField(active).bind("active");
            changes.forField(Forms.kept(member.version())).bind("version");
            changes.readRecord(new StaffChanges(
                    member.fullName(), member.email(), member.role(), member.active(), member.version()));
            form.add(login, fullName, email, role, active);
        }
        return form;
    }

    private void save() {
        try {
            if (member == null) {
                NewStaffMember draft = creation.writeRecord();
                users.create(draft);
                Notifications.success("users.created", login.getValue());
            } else {
                StaffChanges draft = changes.writeRecord();
                users.update(member.id(), draft);
                Notifications.success("users.saved", fullName.getValue());
            }
            close();
            onSaved.run();
        } catch (ValidationException e) {
            // The fields show what is wrong.
        } catch (UserFacingException e) {
            Forms.show(
                    e,
                    Map.of(
                            "user.error.login",
                            login,
                            "user.error.password",
                            password,
                            "user.error.name",
                            fullName,
                            "user.error.email",
                            email));
        }
    }
}
