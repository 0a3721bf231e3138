package com.omnichat.user;

import com.omnichat.base.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo staff, only when asked for ({@code DEMO_DATA=true}; the dev profile asks): created when
 * missing, and a loud warning at every start-up, since their password is public.
 */
@Component
@Order(0)
@ConditionalOnProperty(name = "omnichat.demo-data", havingValue = "true")
class DemoUsers implements ApplicationRunner {

    static final String PASSWORD = "demo-pass-2026";

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private final StaffUserRepository users;
    private final PasswordEncoder encoder;

    DemoUsers(StaffUserRepository users, PasswordEncoder encoder) {
        this.users = users;
        this.encoder = encoder;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        create("admin", "Olena Kovalenko", "admin@omnichat.test", Role.ADMINISTRATOR, "#9334e6");
        create("anna", "Anna Shevchenko", "anna@omnichat.test", Role.MANAGER, "#188038");
        create("max", "Max Petrenko", "max@omnichat.test", Role.MANAGER, "#e8710a");
        // WARN, not INFO: the password is in the README; on a reachable server anyone can sign in as admin.
        log.warn("""

                ============================================================
                 DEMO DATA IS ON (DEMO_DATA=true): demo logins with a PUBLIC
                 password exist. Never use this on a reachable server.
                 Omnichat demo logins (password for all: {})
                   admin  - administrator
                   anna   - manager
                   max    - manager
                ============================================================""", PASSWORD);
    }

    private void create(String login, String name, String email, Role role, String color) {
        if (!users.existsByLogin(login)) {
            users.save(new StaffUser(login, name, email, role, encoder.encode(PASSWORD), color));
        }
    }
}
