package com.omnichat.user.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.BrowserlessViewTest;
import com.omnichat.base.Role;
import com.omnichat.user.StaffMember;
import com.vaadin.flow.component.button.Button;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Administration → Users, as an administrator uses it. */
class UsersViewTest extends BrowserlessViewTest {

    private UsersView view;

    @BeforeEach
    void administratorOpensUsers() {
        staff.manager("marko");
        signInAndOpenApp(staff.administrator("olena"));
        view = navigate(UsersView.class);
    }

    @Test
    void gridListsTheStaff() {
        var grid = test(view.grid);

        assertThat(grid.size()).isEqualTo(2);
        assertThat(logins()).containsExactlyInAnyOrder("olena", "marko");
        int roleColumn = 3;
        assertThat(grid.getHeaderCell(roleColumn)).isEqualTo("Role");
        assertThat(IntStream.range(0, grid.size()).mapToObj(row -> grid.getCellText(row, roleColumn)))
                .containsExactlyInAnyOrder("Administrator", "Manager");
    }

    @Test
    void searchFiltersTheGrid() {
        test(view.search).setValue("MARK");

        assertThat(logins()).containsExactly("marko");
    }

    @Test
    void administratorCreatesUserThroughTheDialogWhoCanThenSignIn() {
        test(view.create).click();
        UserDialog dialog = $(UserDialog.class).single();
        assertThat(dialog.isOpened()).isTrue();

        test(dialog.login).setValue("kateryna");
        test(dialog.fullName).setValue("Kateryna Bilokur");
        test(dialog.email).setValue("kateryna@shop.test");
        test(dialog.role).selectItem("Administrator");
        test(dialog.password).setValue("painted-flowers-1900");
        test(dialog.save).click();

        assertThat(dialog.isOpened()).isFalse();
        assertThat(lastNotification()).isEqualTo("User kateryna created");
        assertThat(logins()).contains("kateryna");
        var signedIn = staff.authenticate("kateryna", "painted-flowers-1900");
        assertThat(signedIn.getAuthorities()).extracting(Object::toString).contains("ROLE_ADMINISTRATOR");
    }

    @Test
    void invalidInputKeepsTheDialogOpenWithAnExplanation() {
        test(view.create).click();
        UserDialog dialog = $(UserDialog.class).single();
        test(dialog.login).setValue("kateryna");
        test(dialog.fullName).setValue("Kateryna Bilokur");
        test(dialog.password).setValue("short1");

        test(dialog.save).click();

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.password.isInvalid()).isTrue();
        assertThat(dialog.password.getErrorMessage()).isEqualTo("The password needs at least 10 characters.");
        assertThat(logins()).doesNotContain("kateryna");
    }

    @Test
    void administratorDeactivatesAUserFromTheEditor() {
        int row = logins().indexOf("marko");
        test(view.grid).clickRow(row);
        UserDialog dialog = $(UserDialog.class).single();
        assertThat(dialog.login.isReadOnly()).isTrue();
        assertThat(dialog.active.getValue()).isTrue();

        test(dialog.active).click();
        test(dialog.save).click();

        assertThat(dialog.isOpened()).isFalse();
        StaffMember marko = staff.reload(find("marko"));
        assertThat(marko.active()).isFalse();
        assertThat(marko.role()).isEqualTo(Role.MANAGER);
    }

    @Test
    void administratorResetsAPasswordFromTheEditor() {
        test(view.grid).clickRow(logins().indexOf("marko"));
        test($(UserDialog.class).single().resetPassword).click();
        ResetPasswordDialog reset = $(ResetPasswordDialog.class).single();

        test(reset.password).setValue("fresh-start-2026");
        test($(Button.class, reset).withText("Reset password").single()).click();

        assertThat(reset.isOpened()).isFalse();
        assertThat(staff.authenticate("marko", "fresh-start-2026").isAuthenticated())
                .isTrue();
    }

    private List<String> logins() {
        var grid = test(view.grid);
        return IntStream.range(0, grid.size())
                .mapToObj(row -> grid.getRow(row).login())
                .toList();
    }

    private StaffMember find(String login) {
        var grid = test(view.grid);
        return IntStream.range(0, grid.size())
                .mapToObj(grid::getRow)
                .filter(m -> m.login().equals(login))
                .findFirst()
                .orElseThrow();
    }
}
