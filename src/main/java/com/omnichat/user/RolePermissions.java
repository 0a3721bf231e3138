package com.omnichat.user;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.omnichat.base.ClusterBroadcaster;
import com.omnichat.base.Permission;
import com.omnichat.base.Role;
import com.omnichat.base.StaffPrincipal;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The permissions of each role, read on nearly every service call (through the current
 * standing), so cached. A change is announced at commit through NOTIFY and drops the entry on
 * every node, so a permission taken from a role is refused at the next call of any of its
 * users, without signing in again; an entry lives a few seconds at most in case a notification
 * was missed.
 */
@Component
class RolePermissions implements DisposableBean {

    private final JdbcClient jdbc;
    private final ClusterBroadcaster broadcaster;
    private final Cache<Long, Set<Permission>> cache = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(5))
            .maximumSize(1_000)
            .build();
    private final Runnable unsubscribe;

    RolePermissions(JdbcClient jdbc, ClusterBroadcaster broadcaster) {
        this.jdbc = jdbc;
        this.broadcaster = broadcaster;
        this.unsubscribe = broadcaster.subscribe(RoleChanged.class, changed -> forget(changed.roleId()));
    }

    Set<Permission> of(Role role) {
        if (role.isAdministrator()) {
            // Not editable, so no one can lock every administrator out.
            return StaffPrincipal.defaultPermissions(role);
        }
        return cache.get(role.id(), this::load);
    }

    /** Announces that the role changed: every node reads it again once this transaction commits. */
    void changed(long roleId) {
        broadcaster.publish(new RoleChanged(roleId));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache.invalidate(roleId);
                }
            });
        } else {
            cache.invalidate(roleId);
        }
    }

    void forget(long roleId) {
        cache.invalidate(roleId);
    }

    private Set<Permission> load(long roleId) {
        var permissions = EnumSet.noneOf(Permission.class);
        jdbc.sql("select permission from staff_role_permission where role_id = ?")
                .param(roleId)
                .query(String.class)
                .list()
                .forEach(name -> {
                    try {
                        permissions.add(Permission.valueOf(name));
                    } catch (IllegalArgumentException retired) {
                        // A permission this version no longer knows grants nothing.
                    }
                });
        return Set.copyOf(permissions);
    }

    @Override
    public void destroy() {
        unsubscribe.run();
    }
}
