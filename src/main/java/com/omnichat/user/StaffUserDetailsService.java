package com.omnichat.user;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class StaffUserDetailsService implements UserDetailsService {

    private final StaffUserRepository users;
    private final RolePermissions permissions;

    StaffUserDetailsService(StaffUserRepository users, RolePermissions permissions) {
        this.users = users;
        this.permissions = permissions;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        String login = username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
        return users.findByLogin(login)
                .map(user -> user.toPrincipal().withPermissions(permissions.of(user.role())))
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }
}
