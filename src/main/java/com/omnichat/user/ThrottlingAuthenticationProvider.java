package com.omnichat.user;

import java.time.Duration;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Checks the throttle before the password, and counts wrong passwords. */
class ThrottlingAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final LoginThrottle throttle;

    ThrottlingAuthenticationProvider(AuthenticationProvider delegate, LoginThrottle throttle) {
        this.delegate = delegate;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String login = authentication.getName() == null ? "" : authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null ? details.getRemoteAddress() : "unknown";
        Duration blocked = throttle.blockedFor(login, address);
        if (!blocked.isZero()) {
            throw new LoginThrottledException(blocked);
        }
        try {
            return delegate.authenticate(authentication);
        } catch (BadCredentialsException e) {
            throttle.recordFailure(login, address);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
