package com.omnichat.user.ui;

import com.omnichat.base.Permission;
import com.omnichat.base.RequiresPermission;
import com.omnichat.base.Role;
import com.omnichat.base.ui.ViewHeader;
import com.omnichat.user.RoleInfo;
import com.omnichat.user.RoleService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.stream.Collectors;

/** Administration → Roles: the built-in roles and the ones administrators made from permissions. */
@Route("admin/roles")
@Menu(order = 101, title = "nav.roles", icon = "vaadin:key")
@PermitAll
@RequiresPermission(Permission.MANAGE_USERS)
class RolesView extends VerticalLayout implements HasDynamicTitle {

    private final RoleService roles;
    final Grid<RoleInfo> grid = new Grid<>();
    final Button create = new Button(getTranslation("roles.create"), VaadinIcon.PLUS.create());

    RolesView(RoleService roles) {
        this.roles = roles;
        setSizeFull();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.addColumn(r -> label(this, r.role()))
                .setHeader(getTranslation("roles.name"))
                .setFlexGrow(1);
        grid.addColumn(r -> r.permissions().stream()
                        .sorted()
                        .map(p -> getTranslation("permission." + p.name()))
                        .collect(Collectors.joining(", ")))
                .setHeader(getTranslation("roles.permissions"))
                .setFlexGrow(4);
        grid.addColumn(RoleInfo::users)
                .setHeader(getTranslation("roles.users"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addItemClickListener(e -> new RoleDialog(roles, e.getItem(), this::refresh).open());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> new RoleDialog(roles, null, this::refresh).open());
        add(new ViewHeader(getTranslation("nav.roles"), create), grid);
        refresh();
    }

    void refresh() {
        grid.setItems(roles.list());
    }

    /** A built-in role's name in the user's language; a role an administrator made by its own name. */
    static String label(Component in, Role role) {
        return role.isBuiltIn() ? in.getTranslation(role.labelKey()) : role.name();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.roles");
    }
}
