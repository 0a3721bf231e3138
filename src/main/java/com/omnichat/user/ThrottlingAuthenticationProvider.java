package com.omnichat.user;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Takes the attempt's allowance before the password is checked ({@link LoginThrottle}); a
 * wrong password keeps it taken, anything else (signed in, or a deactivated account with the
 * right password) gives it back.
 */
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
                        && details.getRemoteAddress() != null
                ? details.getRemoteAddress()
                : "unknown";
        LoginThrottle.Attempt attempt = throttle.begin(login, address);
        boolean wrongPassword = false;
        try {
            return delegate.authenticate(authentication);
        } catch (BadCredentialsException e) {
            wrongPassword = true;
            throttle.failed(attempt);
            throw e;
        } finally {
            if (!wrongPassword) {
                throttle.succeeded(attempt);
            }
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
