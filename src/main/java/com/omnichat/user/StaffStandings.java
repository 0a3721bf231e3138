package com.omnichat.user;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.omnichat.base.CurrentStaff;
import com.omnichat.base.Role;
import com.omnichat.base.StaffPrincipal;
import com.omnichat.base.StaffStanding;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stored role (with its permissions) and state of signed-in users, for {@link CurrentStaff} and method security.
 * Read on nearly every service call, so cached; an entry is dropped when the user changes on
 * any node (at commit, and on every node through {@link StaffSessions}' notification), and
 * lives a few seconds at most in case a notification was missed.
 */
@Component
class StaffStandings implements StaffStanding, DisposableBean {

    private final JdbcClient jdbc;
    private final Cache<Long, Optional<StaffPrincipal>> stored = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(5))
            .maximumSize(10_000)
            .build();
    private final RolePermissions permissions;
    private final Runnable uninstall;

    StaffStandings(JdbcClient jdbc, RolePermissions permissions) {
        this.jdbc = jdbc;
        this.permissions = permissions;
        this.uninstall = CurrentStaff.useStanding(this);
    }

    @Override
    public Optional<StaffPrincipal> current(StaffPrincipal signedIn) {
        Optional<StaffPrincipal> now = stored.get(signedIn.id(), this::load);
        if (now.isEmpty() || !now.get().isEnabled()) {
            return Optional.empty();
        }
        StaffPrincipal stored = now.get();
        // Resolved per call, not frozen at sign-in: a permission taken from his role counts at once.
        var allowed = permissions.of(stored.role());
        if (!stored.role().equals(signedIn.role())) {
            return Optional.of(stored.withPermissions(allowed));
        }
        // Unchanged: the signed-in object itself (cheap, and keeps what the session knows).
        return allowed.equals(signedIn.permissions())
                ? Optional.of(signedIn)
                : Optional.of(signedIn.withPermissions(allowed));
    }

    void forget(long userId) {
        stored.invalidate(userId);
    }

    private Optional<StaffPrincipal> load(long id) {
        return jdbc.sql("""
                        select u.login, u.full_name, u.role_id, r.name as role_name, u.active, u.language
                        from staff_user u join staff_role r on r.id = u.role_id where u.id = ?""")
                .param(id)
                .query((rs, n) -> new StaffPrincipal(
                        id,
                        rs.getString("login"),
                        rs.getString("full_name"),
                        new Role(rs.getLong("role_id"), rs.getString("role_name")),
                        rs.getBoolean("active"),
                        rs.getString("language") == null ? null : Locale.of(rs.getString("language")),
                        null))
                .optional();
    }

    @Override
    public void destroy() {
        uninstall.run();
    }
}
