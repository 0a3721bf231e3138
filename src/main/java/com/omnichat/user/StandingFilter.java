package com.omnichat.user;

import com.omnichat.base.CurrentStaff;
import com.omnichat.base.StaffPrincipal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The second line behind {@link StaffSessions}: a request whose signed-in user has since been
 * deactivated or given another role (say the notification never reached this node) ends his
 * session and goes on anonymously, so he signs in again and gets his current rights.
 */
class StandingFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof StaffPrincipal signedIn) {
            Optional<StaffPrincipal> now = CurrentStaff.current(signedIn);
            // A changed permission of his role needs no new sign-in (services read it per call).
            if (now.isEmpty() || !now.get().role().equals(signedIn.role())) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    try {
                        session.invalidate();
                    } catch (IllegalStateException alreadyInvalidated) {
                        // ended meanwhile
                    }
                }
                SecurityContextHolder.clearContext();
            }
        }
        chain.doFilter(request, response);
    }
}
