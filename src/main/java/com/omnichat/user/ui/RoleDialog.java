package com.omnichat.user.ui;

import com.omnichat.base.Permission;
import com.omnichat.base.UserFacingException;
import com.omnichat.base.ui.Notifications;
import com.omnichat.user.RoleInfo;
import com.omnichat.user.RoleService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;
import java.util.EnumSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Creates or edits a role: its name and permissions; deletes one no user has. */
class RoleDialog extends Dialog {

    private final RoleService roles;
    private final @Nullable RoleInfo role;
    private final Runnable onSaved;

    final TextField name = new TextField(getTranslation("roles.name"));
    final CheckboxGroup<Permission> permissions = new CheckboxGroup<>(getTranslation("roles.permissions"));
    final Button save = new Button(getTranslation("action.save"));
    final Button delete = new Button(getTranslation("roles.delete"));

    RoleDialog(RoleService roles, @Nullable RoleInfo role, Runnable onSaved) {
        this.roles = roles;
        this.role = role;
        this.onSaved = onSaved;
        setHeaderTitle(getTranslation(role == null ? "roles.create" : "roles.edit"));
        setWidth("min(34rem, 95vw)");
        name.setRequired(true);
        name.setMaxLength(RoleService.MAX_NAME);
        name.setWidthFull();
        permissions.setItems(List.of(Permission.values()));
        permissions.setItemLabelGenerator(p -> getTranslation("permission." + p.name()));
        permissions.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        if (role != null) {
            name.setValue(RolesView.label(this, role.role()));
            name.setReadOnly(role.builtIn());
            permissions.setValue(role.permissions());
            if (!role.permissionsEditable()) {
                permissions.setReadOnly(true);
                permissions.setHelperText(getTranslation("roles.administrator-fixed"));
            }
        }
        add(name, permissions);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        save.setEnabled(role == null || role.permissionsEditable());
        var cancel = new Button(getTranslation("action.cancel"), e -> close());
        if (role != null && !role.builtIn()) {
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            delete.addClickListener(e -> delete());
            getFooter().add(delete);
        }
        getFooter().add(cancel, save);
    }

    private void save() {
        var chosen = permissions.getValue().isEmpty()
                ? EnumSet.noneOf(Permission.class)
                : EnumSet.copyOf(permissions.getValue());
        try {
            if (role == null) {
                roles.create(name.getValue(), chosen);
            } else {
                roles.update(role.role().id(), name.getValue(), chosen, role.version());
            }
            Notifications.success("roles.saved", name.getValue());
            close();
            onSaved.run();
        } catch (UserFacingException e) {
            Notifications.error(e);
        }
    }

    private void delete() {
        try {
            roles.delete(role.role().id());
            Notifications.success("roles.deleted", name.getValue());
            close();
            onSaved.run();
        } catch (UserFacingException e) {
            Notifications.error(e);
        }
    }
}
