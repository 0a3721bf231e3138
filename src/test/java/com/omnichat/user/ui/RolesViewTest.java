package com.omnichat.user.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.BrowserlessViewTest;
import com.omnichat.base.Permission;
import com.omnichat.base.Role;
import com.omnichat.base.ui.NotFoundView;
import com.omnichat.user.RoleService;
import com.omnichat.user.StaffMember;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Administration → Roles, as an administrator uses it. */
class RolesViewTest extends BrowserlessViewTest {

    @Autowired
    RoleService roles;

    @Test
    void administratorCreatesARoleFromPermissionsAndGivesItToAUser() {
        signInAndOpenApp(staff.administrator("olena"));
        RolesView view = navigate(RolesView.class);
        assertThat(names(view)).containsExactly("Administrator", "Manager");

        test(view.create).click();
        RoleDialog dialog = $(RoleDialog.class).single();
        test(dialog.name).setValue("Cataloguer");
        dialog.permissions.setValue(Set.of(Permission.MANAGE_PRODUCTS, Permission.CLOSE_CHATS));
        test(dialog.save).click();

        assertThat(lastNotification()).isEqualTo("Role Cataloguer saved");
        assertThat(names(view)).containsExactly("Administrator", "Manager", "Cataloguer");
        assertThat(test(view.grid).getCellText(2, 1)).isEqualTo("Close and reopen chats, Manage products");

        UsersView users = navigate(UsersView.class);
        test(users.create).click();
        UserDialog userDialog = $(UserDialog.class).single();
        test(userDialog.role).selectItem("Cataloguer");
        assertThat(userDialog.role.getValue().name()).isEqualTo("Cataloguer");
    }

    @Test
    void theAdministratorsPermissionsAreShownButNotEditableAndBuiltInRolesHaveNoDelete() {
        signInAndOpenApp(staff.administrator("olena"));
        RolesView view = navigate(RolesView.class);

        test(view.grid).clickRow(0);
        RoleDialog administrator = $(RoleDialog.class).single();
        assertThat(administrator.permissions.isReadOnly()).isTrue();
        assertThat(administrator.save.isEnabled()).isFalse();
        assertThat(administrator.delete.getParent()).isEmpty();
    }

    @Test
    void deletingARoleInUseExplainsWhy() {
        StaffMember olena = staff.administrator("olena");
        staff.signInAs(olena);
        Role cataloguer =
                roles.create("Cataloguer", Set.of(Permission.MANAGE_PRODUCTS)).role();
        staff.create("petro", cataloguer, true, null);
        signInAndOpenApp(olena);
        RolesView view = navigate(RolesView.class);

        test(view.grid).clickRow(2);
        test($(RoleDialog.class).single().delete).click();

        assertThat(lastNotification()).contains("Cataloguer").contains("Give them another role first");
        assertThat(names(view)).contains("Cataloguer");
    }

    @Test
    void aManagerCannotOpenRoles() {
        signInAndOpenApp(staff.manager("anna"));

        assertThat(open("admin/roles")).isInstanceOf(NotFoundView.class);
    }

    private List<String> names(RolesView view) {
        var grid = test(view.grid);
        return IntStream.range(0, grid.size())
                .mapToObj(row -> grid.getCellText(row, 0))
                .toList();
    }
}
