package com.omnichat.user;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class StaffUserDetailsService implements UserDetailsService {

    private final StaffUserRepository users;

    StaffUserDetailsService(StaffUserRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        String login = username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
        return users.findByLogin(login)
                .map(StaffUser::toPrincipal)
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }
}
