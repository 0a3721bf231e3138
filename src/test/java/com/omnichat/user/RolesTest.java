package com.omnichat.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.omnichat.IntegrationTest;
import com.omnichat.base.ClusterBroadcaster;
import com.omnichat.base.CurrentStaff;
import com.omnichat.base.Permission;
import com.omnichat.base.Role;
import com.omnichat.base.UserFacingException;
import com.omnichat.sales.ProductService;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.test.context.TestSecurityContextHolder;

/** Administration → Roles: the built-in roles stay, others are made from permissions and follow at once. */
@IntegrationTest
class RolesTest {

    @Autowired
    StaffFixtures staff;

    @Autowired
    RoleService roles;

    @Autowired
    UserService users;

    @Autowired
    ProductService products;

    @Autowired
    ClusterBroadcaster broadcaster;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void existingUsersKeepTheirBuiltInRoles() {
        staff.signInAs(staff.administrator("olena"));
        staff.manager("anna");

        assertThat(roles.list())
                .extracting(r -> r.role().name(), RoleInfo::users, RoleInfo::builtIn)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Administrator", 1L, true),
                        org.assertj.core.groups.Tuple.tuple("Manager", 1L, true));
        assertThat(roles.list().getFirst().permissions()).containsExactlyInAnyOrder(Permission.values());
        assertThat(roles.list().get(1).permissions()).isEqualTo(Role.MANAGER_DEFAULTS);
    }

    @Test
    void builtInRolesCannotBeDeletedAndTheAdministratorsPermissionsNotChanged() {
        staff.signInAs(staff.administrator("olena"));

        assertThatThrownBy(() -> roles.delete(Role.ADMINISTRATOR.id()))
                .isInstanceOf(UserFacingException.class)
                .hasFieldOrPropertyWithValue("messageKey", "role.error.built-in");
        assertThatThrownBy(() -> roles.delete(Role.MANAGER.id()))
                .hasFieldOrPropertyWithValue("messageKey", "role.error.built-in");
        assertThatThrownBy(() -> roles.update(Role.ADMINISTRATOR.id(), "Administrator", Set.of(), 0))
                .hasFieldOrPropertyWithValue("messageKey", "role.error.administrator-fixed");
        assertThat(CurrentStaff.require().permissions()).containsExactlyInAnyOrder(Permission.values());
    }

    @Test
    void aRoleInUseCannotBeDeletedUntilItsUsersHaveAnotherOne() {
        StaffMember olena = staff.administrator("olena");
        staff.signInAs(olena);
        RoleInfo cataloguer = roles.create("Cataloguer", Set.of(Permission.MANAGE_PRODUCTS));
        StaffMember petro = staff.create("petro", cataloguer.role(), true, null);

        assertThatThrownBy(() -> roles.delete(cataloguer.role().id()))
                .isInstanceOf(UserFacingException.class)
                .hasFieldOrPropertyWithValue("messageKey", "role.error.in-use");

        StaffMember current = staff.reload(petro);
        users.update(
                petro.id(),
                new StaffChanges(current.fullName(), current.email(), Role.MANAGER, true, current.version()));
        roles.delete(cataloguer.role().id());

        assertThat(roles.list()).extracting(r -> r.role().name()).containsExactly("Administrator", "Manager");
    }

    @Test
    void roleNamesAreUniqueAndRequired() {
        staff.signInAs(staff.administrator("olena"));
        roles.create("Cataloguer", Set.of());

        assertThatThrownBy(() -> roles.create(" cataloguer ", Set.of()))
                .hasFieldOrPropertyWithValue("messageKey", "role.error.name-taken");
        assertThatThrownBy(() -> roles.create("  ", Set.of()))
                .hasFieldOrPropertyWithValue("messageKey", "role.error.name-required");
    }

    @Test
    void onlyWhoManagesUsersManagesRoles() {
        staff.signInAs(staff.manager("anna"));

        assertThatThrownBy(() -> roles.list()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> roles.create("Mine", Set.of(Permission.MANAGE_USERS)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aPermissionTakenFromARoleIsRefusedAtTheNextCallWithoutSigningInAgain() {
        StaffMember olena = staff.administrator("olena");
        staff.signInAs(olena);
        RoleInfo cataloguer = roles.create("Cataloguer", Set.of(Permission.MANAGE_PRODUCTS, Permission.CLOSE_CHATS));
        Authentication petrosSession = signedIn(staff.create("petro", cataloguer.role(), true, null));
        assertThat(products.count(null)).isZero();

        staff.signInAs(olena);
        roles.update(cataloguer.role().id(), "Cataloguer", Set.of(Permission.CLOSE_CHATS), cataloguer.version());

        TestSecurityContextHolder.setAuthentication(petrosSession);
        assertThatThrownBy(() -> products.count(null))
                .as("the same session, not signed in again")
                .isInstanceOf(AccessDeniedException.class);
        assertThat(CurrentStaff.require().permissions()).containsExactly(Permission.CLOSE_CHATS);
    }

    @Test
    void aChangeAnotherNodeAnnouncesIsFollowedThroughTheNotification() {
        StaffMember olena = staff.administrator("olena");
        staff.signInAs(olena);
        RoleInfo cataloguer = roles.create("Cataloguer", Set.of(Permission.MANAGE_PRODUCTS));
        Authentication petrosSession = signedIn(staff.create("petro", cataloguer.role(), true, null));
        assertThat(products.count(null)).isZero();

        // Another node takes the permission away: its own row change and its NOTIFY, nothing in this node's memory.
        jdbc.update(
                "delete from staff_role_permission where role_id = ?",
                cataloguer.role().id());
        broadcaster.publish(new RoleChanged(cataloguer.role().id()));

        TestSecurityContextHolder.setAuthentication(petrosSession);
        await("the notification drops the cached permissions")
                .atMost(Duration.ofSeconds(3))
                .pollInSameThread()
                .untilAsserted(
                        () -> assertThatThrownBy(() -> products.count(null)).isInstanceOf(AccessDeniedException.class));
    }

    private Authentication signedIn(StaffMember member) {
        staff.signInAs(member);
        return TestSecurityContextHolder.getContext().getAuthentication();
    }
}
