package com.omnichat.user;

import com.omnichat.base.CurrentStaff;
import com.omnichat.base.NotFoundException;
import com.omnichat.base.Permission;
import com.omnichat.base.Role;
import com.omnichat.base.UserFacingException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administration → Roles: roles made from permissions. The built-in Administrator and Manager
 * stay (not deletable, not renamed; the Administrator's permissions are all, fixed). A role
 * some user still has cannot be deleted: the administrator gives those users another role first.
 */
@Service
@Transactional
public class RoleService {

    public static final int MAX_NAME = 100;

    private final JdbcClient jdbc;
    private final RolePermissions permissions;
    private final UserService users;

    RoleService(JdbcClient jdbc, RolePermissions permissions, UserService users) {
        this.jdbc = jdbc;
        this.permissions = permissions;
        this.users = users;
    }

    /** Every role, built-in ones first, then by name. */
    @Transactional(readOnly = true)
    public List<RoleInfo> list() {
        CurrentStaff.require(Permission.MANAGE_USERS);
        Map<Long, Set<Permission>> granted = jdbc
                .sql("select role_id, permission from staff_role_permission")
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .list()
                .stream()
                .filter(e -> known(e.getValue()))
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey,
                        Collectors.mapping(e -> Permission.valueOf(e.getValue()), Collectors.toSet())));
        return jdbc.sql("""
                        select r.id, r.name, r.version, (select count(*) from staff_user u where u.role_id = r.id) as users
                        from staff_role r order by r.built_in desc, r.id > 2, lower(r.name), r.id""")
                .query((rs, n) -> {
                    var role = new Role(rs.getLong("id"), rs.getString("name"));
                    Set<Permission> allowed = role.isAdministrator()
                            ? permissions.of(role)
                            : Set.copyOf(granted.getOrDefault(role.id(), Set.of()));
                    return new RoleInfo(role, allowed, rs.getLong("users"), rs.getLong("version"));
                })
                .list();
    }

    public RoleInfo create(@Nullable String name, Collection<Permission> allowed) {
        CurrentStaff.require(Permission.MANAGE_USERS);
        String clean = validName(name);
        long id;
        try {
            id = jdbc.sql("insert into staff_role (name) values (?) returning id")
                    .param(clean)
                    .query(Long.class)
                    .single();
        } catch (DuplicateKeyException e) {
            throw new UserFacingException("role.error.name-taken", clean);
        }
        writePermissions(id, allowed);
        return find(id);
    }

    /** Renames a role an administrator made and sets its permissions; the Manager's permissions only. */
    public RoleInfo update(long id, @Nullable String name, Collection<Permission> allowed, long version) {
        CurrentStaff.require(Permission.MANAGE_USERS);
        RoleInfo current = find(id);
        if (current.role().isAdministrator()) {
            throw new UserFacingException("role.error.administrator-fixed");
        }
        String clean = current.builtIn() ? current.role().name() : validName(name);
        int updated;
        try {
            updated = jdbc.sql("update staff_role set name = ?, version = version + 1 where id = ? and version = ?")
                    .params(clean, id, version)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new UserFacingException("role.error.name-taken", clean);
        }
        if (updated == 0) {
            throw new UserFacingException("role.error.changed-meanwhile");
        }
        jdbc.sql("delete from staff_role_permission where role_id = ?")
                .param(id)
                .update();
        writePermissions(id, allowed);
        return find(id);
    }

    /** Deletes a role no user has; built-in roles stay. */
    public void delete(long id) {
        CurrentStaff.require(Permission.MANAGE_USERS);
        RoleInfo current = find(id);
        if (current.builtIn()) {
            throw new UserFacingException("role.error.built-in");
        }
        // Locks the role row: a user given this role meanwhile waits (his foreign key) or is counted.
        jdbc.sql("select id from staff_role where id = ? for update")
                .param(id)
                .query()
                .singleValue();
        long inUse = jdbc.sql("select count(*) from staff_user where role_id = ?")
                .param(id)
                .query(Long.class)
                .single();
        if (inUse > 0) {
            throw new UserFacingException("role.error.in-use", current.role().name(), inUse);
        }
        jdbc.sql("delete from staff_role where id = ?").param(id).update();
        permissions.changed(id);
        users.rolesChanged();
    }

    private void writePermissions(long id, Collection<Permission> allowed) {
        Set<Permission> set = allowed.isEmpty() ? Set.of() : EnumSet.copyOf(allowed);
        for (Permission p : set) {
            jdbc.sql("insert into staff_role_permission (role_id, permission) values (?, ?)")
                    .params(id, p.name())
                    .update();
        }
        permissions.changed(id);
        users.rolesChanged();
    }

    private RoleInfo find(long id) {
        return list().stream()
                .filter(r -> r.role().id() == id)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Role " + id));
    }

    private static String validName(@Nullable String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > MAX_NAME) {
            throw new UserFacingException("role.error.name-required", MAX_NAME);
        }
        return clean;
    }

    private static boolean known(String permission) {
        try {
            Permission.valueOf(permission);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
