package com.omnichat.user;

import com.omnichat.base.Role;
import com.omnichat.base.StaffPrincipal;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.TestSecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The people of a use case: creates staff users straight in the database (no administrator
 * needed), signs one of them in for service and view calls, and signs in through the real
 * authentication manager (password check, throttling) as the login form would.
 */
public class StaffFixtures {

    /** The password every fixture user gets. */
    public static final String PASSWORD = "harbour-lights-42";

    private final StaffUserRepository users;
    private final StaffUserDetailsService details;
    private final PasswordEncoder encoder;
    private final AuthenticationConfiguration authentication;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    StaffFixtures(
            StaffUserRepository users,
            StaffUserDetailsService details,
            PasswordEncoder encoder,
            AuthenticationConfiguration authentication,
            JdbcTemplate jdbc,
            TransactionTemplate tx) {
        this.users = users;
        this.details = details;
        this.encoder = encoder;
        this.authentication = authentication;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    public StaffMember administrator(String login) {
        return create(login, Role.ADMINISTRATOR, true, null);
    }

    public StaffMember manager(String login) {
        return create(login, Role.MANAGER, true, null);
    }

    public StaffMember create(String login, Role role, boolean active, @Nullable Locale language) {
        return tx.execute(status -> {
            var user = new StaffUser(
                    login, fullNameOf(login), login + "@shop.test", role, encoder.encode(PASSWORD), "#1a73e8");
            user.setActive(active);
            user.changeLanguage(language);
            return users.saveAndFlush(user).toMember();
        });
    }

    /** Deactivates the user behind the application's back, as another node (or a script) would. */
    public void deactivateInDatabase(StaffMember member) {
        jdbc.update("update staff_user set active = false, version = version + 1 where id = ?", member.id());
    }

    /** The user as stored now (fresh version, language, active flag). */
    public StaffMember reload(StaffMember member) {
        return users.findById(member.id()).orElseThrow().toMember();
    }

    /** Puts the user, as loaded from the database, into the security context of this thread. */
    public StaffPrincipal signInAs(StaffMember member) {
        var principal = principalOf(member);
        TestSecurityContextHolder.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        return principal;
    }

    /** As the security filter chain leaves a visitor who has not signed in. */
    public void signInAnonymously() {
        TestSecurityContextHolder.setAuthentication(new AnonymousAuthenticationToken(
                "test-anonymous", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
    }

    public void signOut() {
        TestSecurityContextHolder.clearContext();
    }

    /** Signs in through the application's authentication manager from a fresh client address. */
    public Authentication authenticate(String login, String password) {
        return authenticate(login, password, "client-" + UUID.randomUUID());
    }

    /** Signs in through the application's authentication manager from the given client address. */
    public Authentication authenticate(String login, String password, String address) {
        var request = UsernamePasswordAuthenticationToken.unauthenticated(login, password);
        request.setDetails(new WebAuthenticationDetails(address, null));
        return authenticationManager().authenticate(request);
    }

    public AuthenticationManager authenticationManager() {
        try {
            return authentication.getAuthenticationManager();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Empties the staff and inbox tables. Identities are not restarted on purpose: ids stay
     * unique across the tests of one JVM, so a live update or a cached directory entry left
     * over from an earlier test can never be mistaken for one of this test's chats or users.
     */
    public void resetDatabase() {
        // Every table of the application, so a new feature's tables are emptied too; Flyway's
        // history and Quartz's tables (scheduler state) stay.
        var tables = jdbc.queryForList("""
                select quote_ident(tablename) from pg_tables
                where schemaname = current_schema()
                  and tablename <> 'flyway_schema_history' and tablename not like 'qrtz%'
                  and tablename not in ('staff_role', 'staff_role_permission')""", String.class);
        jdbc.update("truncate " + String.join(", ", tables) + " cascade");
        // The built-in roles stay (the migration made them), as they were; roles a test made go.
        jdbc.update("delete from staff_role where not built_in");
        jdbc.update("delete from staff_role_permission where role_id = ?", Role.MANAGER.id());
        for (var permission : Role.MANAGER_DEFAULTS) {
            jdbc.update(
                    "insert into staff_role_permission (role_id, permission) values (?, ?)",
                    Role.MANAGER.id(),
                    permission.name());
        }
    }

    /** The user as the security context would hold him after signing in, without signing him in. */
    public StaffPrincipal principalOf(StaffMember member) {
        return (StaffPrincipal) details.loadUserByUsername(member.login());
    }

    private static String fullNameOf(String login) {
        return Character.toUpperCase(login.charAt(0)) + login.substring(1) + " Tester";
    }
}
