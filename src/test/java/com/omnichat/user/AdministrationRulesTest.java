package com.omnichat.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnichat.IntegrationTest;
import com.omnichat.base.Role;
import com.omnichat.base.UserFacingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Who may administer users, and the rules that keep the shop administrable. */
@IntegrationTest
class AdministrationRulesTest {

    @Autowired
    UserService userService;

    @Autowired
    StaffFixtures staff;

    @Test
    void lastActiveAdministratorCannotBeDemotedNorDeactivated() {
        StaffMember olena = staff.administrator("olena");
        staff.create("retired", Role.ADMINISTRATOR, false, null); // an inactive administrator does not count
        staff.signInAs(olena);

        assertLastAdministratorRefused(() -> userService.update(olena.id(), changes(olena, Role.MANAGER, true)));
        assertLastAdministratorRefused(() -> userService.update(olena.id(), changes(olena, Role.ADMINISTRATOR, false)));
        assertLastAdministratorRefused(() -> userService.deactivate(olena.id()));

        StaffMember unchanged = staff.reload(olena);
        assertThat(unchanged.role()).isEqualTo(Role.ADMINISTRATOR);
        assertThat(unchanged.active()).isTrue();
    }

    @Test
    void administratorCanBeDemotedWhenAnotherActiveOneExists() {
        StaffMember olena = staff.administrator("olena");
        staff.signInAs(olena);
        userService.create(new NewStaffMember("dmytro", "Dmytro Admin", null, Role.ADMINISTRATOR, "steady-hands-2026"));

        StaffMember demoted = userService.update(olena.id(), changes(olena, Role.MANAGER, true));

        assertThat(demoted.role()).isEqualTo(Role.MANAGER);
        assertThat(staff.reload(olena).role()).isEqualTo(Role.MANAGER);
    }

    @Test
    void administratorCanBeDeactivatedWhenAnotherActiveOneExists() {
        StaffMember olena = staff.administrator("olena");
        StaffMember dmytro = staff.administrator("dmytro");
        staff.signInAs(olena);

        StaffMember deactivated = userService.deactivate(dmytro.id());

        assertThat(deactivated.active()).isFalse();
        // ...and now Olena is the last one.
        assertLastAdministratorRefused(() -> userService.deactivate(olena.id()));
    }

    @Test
    void managersAreRefusedEveryAdministrativeOperation() {
        StaffMember admin = staff.administrator("olena");
        StaffMember colleague = staff.manager("ostap");
        staff.signInAs(staff.manager("marko"));

        assertDenied(() -> userService.search("", 0, 10));
        assertDenied(() -> userService.count(""));
        assertDenied(() -> userService.create(
                new NewStaffMember("intruder", "Intruder", null, Role.ADMINISTRATOR, "sneaky-pete-2026")));
        assertDenied(() -> userService.update(colleague.id(), changes(colleague, Role.ADMINISTRATOR, true)));
        assertDenied(() -> userService.deactivate(admin.id()));
        assertDenied(() -> userService.resetPassword(admin.id(), "sneaky-pete-2026"));

        assertThat(staff.reload(colleague).role()).isEqualTo(Role.MANAGER);
        assertThat(staff.reload(admin).active()).isTrue();
    }

    @Test
    void managersMayReadStaffForPickers() {
        StaffMember colleague = staff.manager("ostap");
        staff.create("gone", Role.MANAGER, false, null);
        staff.signInAs(staff.manager("marko"));

        assertThat(userService.activeStaff()).extracting(StaffMember::login).containsExactly("marko", "ostap");
        assertThat(userService.findById(colleague.id())).map(StaffMember::login).contains("ostap");
    }

    @Test
    void anonymousVisitorIsRefusedEvenReading() {
        StaffMember colleague = staff.manager("ostap");
        staff.signInAnonymously();

        assertDenied(() -> userService.findById(colleague.id()));
        assertDenied(userService::activeStaff);
        assertDenied(() -> userService.search("", 0, 10));
    }

    @Test
    void staleEditIsRefusedWithChangedMeanwhileMessage() {
        StaffMember olena = staff.administrator("olena");
        StaffMember ostap = staff.manager("ostap");
        staff.signInAs(olena);
        // Two administrators open the same user; the first one saves.
        StaffMember openedByFirst = userService.findById(ostap.id()).orElseThrow();
        StaffMember openedBySecond = userService.findById(ostap.id()).orElseThrow();
        userService.update(
                ostap.id(),
                new StaffChanges("Ostap Vyshnia", openedByFirst.email(), Role.MANAGER, true, openedByFirst.version()));

        assertThatThrownBy(() -> userService.update(
                        ostap.id(),
                        new StaffChanges(
                                "Ostap Other",
                                openedBySecond.email(),
                                Role.ADMINISTRATOR,
                                true,
                                openedBySecond.version())))
                .isInstanceOfSatisfying(
                        UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("user.error.changed-meanwhile"));

        StaffMember stored = staff.reload(ostap);
        assertThat(stored.fullName()).isEqualTo("Ostap Vyshnia");
        assertThat(stored.role()).isEqualTo(Role.MANAGER);
        assertThat(stored.version()).isEqualTo(openedByFirst.version() + 1);
    }

    @Test
    void editValidatesNameAndEmail() {
        StaffMember olena = staff.administrator("olena");
        StaffMember ostap = staff.manager("ostap");
        staff.signInAs(olena);

        assertThatThrownBy(() -> userService.update(
                        ostap.id(), new StaffChanges(" ", null, Role.MANAGER, true, ostap.version())))
                .isInstanceOfSatisfying(
                        UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("user.error.name-required"));
        assertThatThrownBy(() -> userService.update(
                        ostap.id(), new StaffChanges("Ostap", "ostap-at-shop", Role.MANAGER, true, ostap.version())))
                .isInstanceOfSatisfying(
                        UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("user.error.email-invalid"));
    }

    private static StaffChanges changes(StaffMember member, Role role, boolean active) {
        return new StaffChanges(member.fullName(), member.email(), role, active, member.version());
    }

    private static void assertLastAdministratorRefused(Executable call) {
        assertThatThrownBy(call::execute)
                .isInstanceOfSatisfying(
                        UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("user.error.last-administrator"));
    }

    private static void assertDenied(Executable call) {
        assertThatThrownBy(call::execute).isInstanceOf(AccessDeniedException.class);
    }
}
