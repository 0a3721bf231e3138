package com.omnichat.user;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the service worker's background fetches from signing the user out right after he
 * signed in.
 * <p>
 * Why: the login page installs the PWA service worker, which precaches the manifest, the
 * offline page and the icons with the session cookie of that moment. Signing in changes the
 * session id (session fixation protection). A precache request still carrying the old id
 * that arrives after the change used to reach Vaadin, which created a new, anonymous
 * session for it; that response's cookie replaced the signed-in one and the next page was
 * the login form again (seen in about 1 of 20 quick sign-ins in the browser tests, each time
 * on such a request — traced with a session listener). These resources need no session, so
 * a request for them with a session id that is no longer valid is told to come again; the
 * worker retries at the next navigation, by then with the current cookie.
 */
class StaleSessionPwaFilter extends OncePerRequestFilter {

    private static final Set<String> PWA_RESOURCES = Set.of(
            "/manifest.webmanifest",
            "/offline-stub.html",
            "/offline.html",
            "/sw.js",
            "/sw-runtime-resources-precache.js");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (staleSession(request) && pwaResource(request)) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", "1");
            response.setHeader("Cache-Control", "no-store");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean staleSession(HttpServletRequest request) {
        return request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
    }

    private static boolean pwaResource(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return PWA_RESOURCES.contains(path) || path.startsWith("/icons/");
    }
}
