package com.omnichat.channel.webchat;

import com.omnichat.channel.ChannelMode;
import com.omnichat.channel.ChannelType;
import com.omnichat.channel.connector.ConnectedChannel;
import com.omnichat.channel.internal.ChannelDirectory;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The gate of the public widget API, before any handler: the channel named in the path
 * must be an enabled webchat channel (else 404); a browser call from a site the channel
 * does not allow is refused (403) and a preflight is answered here; every address has a
 * request allowance (429 with Retry-After); bodies are small (413).
 */
class WidgetApiFilter extends OncePerRequestFilter {

    static final String CHANNEL = "omnichat.webchat.channel";
    static final int MAX_BODY = 32 * 1024;

    private static final Pattern PATH = Pattern.compile("^/widget-api/([A-Za-z0-9_-]{1,64})(/.*)?$");

    private final ChannelDirectory channels;
    private final WidgetRateLimits limits;

    WidgetApiFilter(ChannelDirectory channels, WidgetRateLimits limits) {
        this.channels = channels;
        this.limits = limits;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/widget-api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher path = PATH.matcher(
                request.getRequestURI().substring(request.getContextPath().length()));
        // Only a connected site chat talks to visitors (a demo or unconnected one would never answer them).
        Optional<ConnectedChannel> channel = path.matches()
                ? channels.byKey(ChannelType.WEBCHAT, path.group(1)).filter(c -> c.mode() == ChannelMode.WEBHOOK)
                : Optional.empty();
        if (channel.isEmpty()) {
            error(response, HttpStatus.NOT_FOUND, "no-such-channel");
            return;
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin != null
                && !sameSite(request, origin)
                && !WidgetSettings.of(channel.get()).origins().allows(origin)) {
            error(response, HttpStatus.FORBIDDEN, "origin-not-allowed");
            return;
        }
        if (origin != null) {
            response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            response.addHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
            response.setHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, HttpHeaders.RETRY_AFTER);
        }
        if ("OPTIONS".equals(request.getMethod())) {
            response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST, PUT, OPTIONS");
            response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, "Authorization, Content-Type, Accept");
            response.setHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "600");
            response.setStatus(HttpStatus.NO_CONTENT.value());
            return;
        }
        var verdict = limits.request(request.getRemoteAddr());
        if (!verdict.allowed()) {
            response.setHeader(
                    HttpHeaders.RETRY_AFTER, Long.toString(verdict.retryAfter().toSeconds()));
            error(response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited");
            return;
        }
        if (request.getContentLengthLong() > MAX_BODY) {
            error(response, HttpStatus.CONTENT_TOO_LARGE, "too-large");
            return;
        }
        request.setAttribute(CHANNEL, channel.get());
        chain.doFilter(new LimitedBody(request), response);
    }

    /** A call from the application's own pages (the demo page) is no cross-site call. */
    private static boolean sameSite(HttpServletRequest request, String origin) {
        String own = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
        String normalizedOwn = AllowedOrigins.normalize(own);
        return normalizedOwn != null && normalizedOwn.equals(AllowedOrigins.normalize(origin));
    }

    static void error(HttpServletResponse response, HttpStatus status, String code) throws IOException {
        response.setStatus(status.value());
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"error\":\"" + code + "\"}");
    }

    /** Reads at most MAX_BODY bytes of a body sent without a length (chunked). */
    private static final class LimitedBody extends HttpServletRequestWrapper {

        LimitedBody(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0) {
                        count(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n > 0) {
                        count(n);
                    }
                    return n;
                }

                private void count(int n) throws IOException {
                    read += n;
                    if (read > MAX_BODY) {
                        throw new BodyTooLargeException();
                    }
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }

    /** A chunked body went past the limit while being read. */
    static final class BodyTooLargeException extends IOException {

        BodyTooLargeException() {
            super("Body larger than " + MAX_BODY + " bytes");
        }
    }
}
