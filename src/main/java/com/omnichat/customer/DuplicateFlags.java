package com.omnichat.customer;

import com.omnichat.base.CurrentStaff;
import com.omnichat.base.NotFoundException;
import com.omnichat.base.SystemAccess;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrators' list of possible duplicate buyers ({@link DuplicateFlag}): shown in the
 * Clients section, dismissed once looked at. Managers may neither read nor dismiss them: a
 * flag names a buyer the manager who caused it may not see.
 */
@Service
@Transactional
@PreAuthorize("hasAuthority('PERM_SEE_ALL_CLIENTS')")
public class DuplicateFlags {

    private final JdbcClient jdbc;

    DuplicateFlags(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Flags not dismissed yet, newest first. */
    @Transactional(readOnly = true)
    public List<DuplicateFlag> open(int limit) {
        return jdbc.sql("""
                        select f.id, f.client_id, a.name, f.other_client_id, b.name, f.reason, f.contact, f.unverified,
                               f.created_at
                        from client_duplicate_flag f
                        join client a on a.id = f.client_id join client b on b.id = f.other_client_id
                        where f.dismissed_at is null
                        order by f.created_at desc, f.id desc limit ?""")
                .param(Math.clamp(limit, 1, 500))
                .query((rs, n) -> new DuplicateFlag(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getString(5),
                        LinkReason.valueOf(rs.getString(6)),
                        rs.getString(7),
                        rs.getBoolean(8),
                        rs.getTimestamp(9).toInstant()))
                .list();
    }

    /** How many flags wait for an administrator. */
    @Transactional(readOnly = true)
    public int openCount() {
        return jdbc.sql("select count(*) from client_duplicate_flag where dismissed_at is null")
                .query(Integer.class)
                .single();
    }

    /** The administrator looked at the two buyers: the flag leaves the list (dismissing twice is harmless). */
    public void dismiss(long flagId) {
        long actor = CurrentStaff.require().id();
        int found = jdbc.sql("""
                        update client_duplicate_flag set dismissed_at = coalesce(dismissed_at, now()),
                               dismissed_by = coalesce(dismissed_by, ?)
                        where id = ?""")
                .params(actor == SystemAccess.SYSTEM_USER_ID ? null : actor, flagId)
                .update();
        if (found == 0) {
            throw new NotFoundException("Duplicate flag " + flagId);
        }
    }
}
