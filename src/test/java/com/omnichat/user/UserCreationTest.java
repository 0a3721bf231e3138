package com.omnichat.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnichat.IntegrationTest;
import com.omnichat.base.Role;
import com.omnichat.base.StaffPrincipal;
import com.omnichat.base.UserFacingException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** An administrator creates staff users; the service refuses bad input with a message key. */
@IntegrationTest
class UserCreationTest {

    @Autowired
    UserService userService;

    @Autowired
    StaffFixtures staff;

    @BeforeEach
    void signInAsAdministrator() {
        staff.signInAs(staff.administrator("olena"));
    }

    @Test
    void administratorCreatesManagerWhoCanThenSignIn() {
        StaffMember created = userService.create(new NewStaffMember(
                "  Petro.Ivanenko ", " Petro Ivanenko ", " petro@shop.test ", Role.MANAGER, "sunflower-fields-7"));

        assertThat(created.login())
                .as("logins are stored trimmed and lower-case")
                .isEqualTo("petro.ivanenko");
        assertThat(created.fullName()).isEqualTo("Petro Ivanenko");
        assertThat(created.email()).isEqualTo("petro@shop.test");
        assertThat(created.role()).isEqualTo(Role.MANAGER);
        assertThat(created.active()).isTrue();
        assertThat(created.initials()).isEqualTo("PI");
        assertThat(userService.search("ivanenko", 0, 10))
                .extracting(StaffMember::id)
                .containsExactly(created.id());

        Authentication signedIn = staff.authenticate("Petro.Ivanenko", "sunflower-fields-7");
        assertThat(signedIn.isAuthenticated()).isTrue();
        assertThat(((StaffPrincipal) signedIn.getPrincipal()).id()).isEqualTo(created.id());
        assertThat(signedIn.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .contains("ROLE_MANAGER")
                .doesNotContain("ROLE_ADMINISTRATOR");
    }

    @Test
    void emptyEmailIsStoredAsNone() {
        StaffMember created =
                userService.create(new NewStaffMember("nomail", "No Mail", "  ", Role.MANAGER, "sunflower-fields-7"));

        assertThat(created.email()).isNull();
    }

    @Test
    void duplicateLoginIsRefusedWhateverItsCase() {
        userService.create(new NewStaffMember("maria", "Maria One", null, Role.MANAGER, "sunflower-fields-7"));

        assertThatThrownBy(() -> userService.create(
                        new NewStaffMember("MARIA", "Maria Two", null, Role.MANAGER, "sunflower-fields-8")))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("user.error.login-taken");
                    assertThat(e.args()).containsExactly("maria");
                });
        assertThat(userService.count("maria")).isEqualTo(1);
    }

    @ParameterizedTest(name = "password \"{0}\" is refused with {1}")
    @CsvSource({
        "short1,                    user.error.password-length",
        "onlyletterslong,           user.error.password-weak",
        "1234567890123,             user.error.password-weak",
        "taras-2026-secret,         user.error.password-contains-login",
        "my-TARAS-password-1,       user.error.password-contains-login",
    })
    void weakPasswordsAreRefused(String password, String expectedKey) {
        assertRefused(new NewStaffMember("taras", "Taras Bulba", null, Role.MANAGER, password), expectedKey);
        assertThat(userService.count("taras")).isZero();
    }

    @Test
    void tooLongPasswordIsRefused() {
        // Past the 72 bytes BCrypt reads: refused with its own message, not cut silently.
        assertRefused(
                new NewStaffMember("taras", "Taras Bulba", null, Role.MANAGER, "a1".repeat(65)),
                "user.error.password-too-long");
        assertRefused(
                new NewStaffMember("taras", "Taras Bulba", null, Role.MANAGER, "пароль".repeat(7) + "1"),
                "user.error.password-too-long");
    }

    @ParameterizedTest(name = "e-mail \"{0}\" is refused")
    @CsvSource({"not-an-email", "two@@shop.test", "nodot@shop", "with space@shop.test"})
    void invalidEmailIsRefused(String email) {
        assertRefused(
                new NewStaffMember("ivan", "Ivan Franko", email, Role.MANAGER, "sunflower-fields-7"),
                "user.error.email-invalid");
    }

    @ParameterizedTest(name = "login \"{0}\" is refused")
    @CsvSource({"ab", "'with space'", "-dash-first", "кирилиця", "''"})
    void invalidLoginIsRefused(String login) {
        assertRefused(
                new NewStaffMember(login, "Somebody", null, Role.MANAGER, "sunflower-fields-7"),
                "user.error.login-format");
    }

    @Test
    void fullNameIsRequired() {
        assertRefused(
                new NewStaffMember("noname", "   ", null, Role.MANAGER, "sunflower-fields-7"),
                "user.error.name-required");
    }

    private void assertRefused(NewStaffMember request, String expectedKey) {
        assertThatThrownBy(() -> userService.create(request))
                .isInstanceOfSatisfying(
                        UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo(expectedKey));
    }
}
