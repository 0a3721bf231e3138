package com.omnichat.user.ui;

import com.omnichat.base.Permission;
import com.omnichat.base.RequiresPermission;
import com.omnichat.base.ui.ViewHeader;
import com.omnichat.user.RoleInfo;
import com.omnichat.user.RoleService;
import com.omnichat.user.StaffMember;
import com.omnichat.user.UserService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** Administration → Users: search, create, edit, deactivate, reset password. */
@Route("admin/users")
@Menu(order = 100, title = "nav.users", icon = "vaadin:user-card")
@PermitAll
@RequiresPermission(Permission.MANAGE_USERS)
class UsersView extends VerticalLayout implements HasDynamicTitle {

    private final UserService users;
    private final RoleService roles;
    final TextField search = new TextField();
    final Grid<StaffMember> grid = new Grid<>();
    final Button create = new Button(getTranslation("users.create"), VaadinIcon.PLUS.create());

    UsersView(UserService users, RoleService roles) {
        this.users = users;
        this.roles = roles;
        setSizeFull();
        configureSearch();
        configureGrid();
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> openEditor(null));
        add(new ViewHeader(getTranslation("nav.users"), search, create), grid);
        refresh();
    }

    private void configureSearch() {
        search.setPlaceholder(getTranslation("users.search"));
        search.setAriaLabel(getTranslation("users.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
    }

    private void configureGrid() {
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.addColumn(LitRenderer.<StaffMember>of("""
                        <vaadin-horizontal-layout style="align-items:center;gap:var(--lumo-space-s)">
                          <vaadin-avatar abbr="${item.initials}" name="${item.name}"
                              style="background:${item.color};color:white"></vaadin-avatar>
                          <span>${item.name}</span>
                        </vaadin-horizontal-layout>""")
                        .withProperty("initials", StaffMember::initials)
                        .withProperty("name", StaffMember::fullName)
                        .withProperty("color", StaffMember::avatarColor))
                .setHeader(getTranslation("users.name"))
                .setFlexGrow(2);
        grid.addColumn(StaffMember::login).setHeader(getTranslation("users.login"));
        grid.addColumn(m -> m.email() == null ? "" : m.email()).setHeader(getTranslation("users.email"));
        grid.addColumn(m -> RolesView.label(this, m.role())).setHeader(getTranslation("users.role"));
        grid.addColumn(LitRenderer.<StaffMember>of("<span theme='badge ${item.theme}'>${item.status}</span>")
                        .withProperty("theme", m -> m.active() ? "success" : "contrast")
                        .withProperty("status", m -> getTranslation(m.active() ? "users.active" : "users.inactive")))
                .setHeader(getTranslation("users.status"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addItemClickListener(e -> openEditor(e.getItem()));
    }

    private void openEditor(StaffMember member) {
        new UserDialog(users, roles.list().stream().map(RoleInfo::role).toList(), member, this::refresh).open();
    }

    void refresh() {
        String query = search.getValue();
        grid.setItems(q -> users.search(query, q.getOffset(), q.getLimit()).stream(), q -> (int) users.count(query));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.users");
    }
}
