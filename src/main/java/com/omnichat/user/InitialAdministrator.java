package com.omnichat.user;

import com.omnichat.base.Role;
import com.omnichat.base.TranslationProvider;
import com.omnichat.base.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A fresh production database has no users: when {@code OMNICHAT_ADMIN_LOGIN} and
 * {@code OMNICHAT_ADMIN_PASSWORD} are set and no active administrator exists, this creates
 * one. Once an administrator exists the settings are ignored.
 */
@Component
@Order(-1)
class InitialAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAdministrator.class);

    private final StaffUserRepository users;
    private final PasswordEncoder encoder;
    private final String login;
    private final String password;

    @Autowired
    InitialAdministrator(StaffUserRepository users, PasswordEncoder encoder, UserProperties properties) {
        this(
                users,
                encoder,
                properties.initialAdmin().login(),
                properties.initialAdmin().password());
    }

    InitialAdministrator(StaffUserRepository users, PasswordEncoder encoder, String login, String password) {
        this.users = users;
        this.encoder = encoder;
        this.login = login;
        this.password = password;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (login.isBlank()
                || password.isBlank()
                || !users.lockActiveAdministrators().isEmpty()) {
            return;
        }
        String normalized = UserService.normalizeLogin(login);
        try {
            PasswordPolicy.check(normalized, password);
        } catch (UserFacingException e) {
            // Refuse to start rather than create an administrator no one can sign in as.
            throw new IllegalStateException(
                    "OMNICHAT_ADMIN_PASSWORD is refused: "
                            + TranslationProvider.translate(e.messageKey(), TranslationProvider.ENGLISH, e.args()),
                    e);
        }
        if (users.existsByLogin(normalized)) {
            log.warn("Initial administrator {} exists but is not an active administrator; not changing it", normalized);
            return;
        }
        users.save(new StaffUser(
                normalized, "Administrator", null, Role.ADMINISTRATOR, encoder.encode(password), "#9334e6"));
        log.info("Created the initial administrator {}", normalized);
    }
}
