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
 * The stored role and state of signed-in users, for {@link CurrentStaff} and method security.
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
    private final Runnable uninstall;

    StaffStandings(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.uninstall = CurrentStaff.useStanding(this);
    }

    @Override
    public Optional<StaffPrincipal> current(StaffPrincipal signedIn) {
        Optional<StaffPrincipal> now = stored.get(signedIn.id(), this::load);
        if (now.isEmpty() || !now.get().isEnabled()) {
            return Optional.empty();
        }
        // Unchanged: the signed-in object itself (cheap, and keeps what the session knows).
        return now.get().role() == signedIn.role() ? Optional.of(signedIn) : now;
    }

    void forget(long userId) {
        stored.invalidate(userId);
    }

    private Optional<StaffPrincipal> load(long id) {
        return jdbc.sql("select login, full_name, role, active, language from staff_user where id = ?")
                .param(id)
                .query((rs, n) -> new StaffPrincipal(
                        id,
                        rs.getString("login"),
                        rs.getString("full_name"),
                        Role.valueOf(rs.getString("role")),
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
