package com.omnichat.channel.connector;

import com.omnichat.channel.ConnectionCheck;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * The one place where a provider call's failure becomes text that may be stored, shown or
 * logged. HTTP clients put the request URL into their exception messages, and provider URLs
 * carry secrets (Telegram's {@code /bot<token>/}, {@code access_token=} of the Graph API), so
 * the message of an HTTP client's exception is never used: the text is built from the status
 * code, the provider's own error description (which the connector put into a
 * {@link ProviderException}) and the exception class, and then redacted.
 * <p>
 * Log the result of {@link #describe}, never the exception itself: a stack trace prints the
 * messages of every cause.
 */
public final class ProviderErrors {

    private static final int MAX = 500;
    private static final String HIDDEN = "***";

    private static final Pattern[] SECRETS = {
        // Telegram Bot API: /bot123456:AAE.../method and /file/bot123456:AAE.../path
        Pattern.compile("(?i)(/bot)[0-9]+:[A-Za-z0-9_-]+"),
        // a bare Telegram token anywhere
        Pattern.compile("\\b[0-9]{6,12}:[A-Za-z0-9_-]{30,}\\b"),
        // query parameters and JSON fields that are secrets
        Pattern.compile("(?i)((?:access_token|appsecret_proof|client_secret|token|password|secret|api_key|key)"
                + "[\"']?\\s*[=:]\\s*[\"']?)[^&\\s\"',;}]+"),
        // headers
        Pattern.compile("(?i)((?:authorization|proxy-authorization)\\s*[:=]\\s*)(?:bearer\\s+|basic\\s+)?[^\\s,;\"']+"),
        Pattern.compile("(?i)(x-viber-auth-token\\s*[:=]\\s*)[^\\s,;\"']+"),
        // user:password@ in URLs
        Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*://)[^/@\\s:]+:[^/@\\s]+(?=@)"),
    };

    private ProviderErrors() {}

    /**
     * A safe description of a failed provider call: the redacted text of one of our own
     * exceptions ({@link ProviderException}, {@link DeliveryException}, ...) whose text the
     * connector built from the provider's answer, "HTTP 502", "Provider unreachable
     * (ConnectException)", "Provider did not answer in time (...)", or for anything else the
     * exception class with its redacted message.
     */
    public static String describe(Throwable e) {
        return describe(e, List.of());
    }

    /** {@link #describe(Throwable)}, also removing the channel's own secret values wherever they appear. */
    public static String describe(Throwable e, Collection<String> secrets) {
        return clip(redact(unredacted(e), secrets));
    }

    /** A failed connection check that says why in {@link #describe(Throwable, Collection)}'s safe words. */
    public static ConnectionCheck failedCheck(Throwable e, ConnectedChannel channel) {
        return ConnectionCheck.failed(describe(e, channel.secrets().values()));
    }

    private static String unredacted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProviderException
                    || t instanceof DeliveryException
                    || t instanceof MediaPolicy.MediaRejectedException
                    || t instanceof UnparseableEventException) {
                return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            }
            if (t instanceof RestClientResponseException r) {
                return "HTTP " + r.getStatusCode().value();
            }
        }
        Throwable root = rootCause(e);
        String name = root.getClass().getSimpleName();
        Throwable timeout = firstInChain(e, HttpTimeoutException.class, SocketTimeoutException.class);
        if (timeout != null) {
            return "Provider did not answer in time (" + timeout.getClass().getSimpleName() + ")";
        }
        Throwable unreachable = firstInChain(e, ConnectException.class, UnknownHostException.class);
        if (unreachable != null) {
            return "Provider unreachable (" + unreachable.getClass().getSimpleName() + ")";
        }
        if (firstInChain(e, RestClientException.class, IOException.class) != null) {
            // Spring's RestClient messages name the request URL: never theirs; the I/O root's own
            // message ("Connection reset", our "HTTP 404") names no URL and is redacted all the same.
            String message = root instanceof IOException && root.getMessage() != null ? ": " + root.getMessage() : "";
            return "Network error (" + name + message + ")";
        }
        String message = root.getMessage();
        return "Unexpected error (" + name + (message == null ? "" : ": " + message) + ")";
    }

    /** Removes tokens, access tokens, passwords and authorization headers from a text. */
    public static String redact(@Nullable String text) {
        if (text == null) {
            return "";
        }
        String result = text;
        for (Pattern secret : SECRETS) {
            result = secret.matcher(result)
                    .replaceAll(m -> m.groupCount() >= 1 && m.group(1) != null
                            ? Matcher.quoteReplacement(m.group(1)) + HIDDEN
                            : HIDDEN);
        }
        return result;
    }

    /** Redacts and also removes the given secret values wherever they appear. */
    public static String redact(@Nullable String text, Iterable<String> secrets) {
        String result = text == null ? "" : text;
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 4) {
                result = result.replace(secret, HIDDEN);
            }
        }
        return redact(result);
    }

    @SafeVarargs
    private static @Nullable Throwable firstInChain(Throwable e, Class<? extends Throwable>... types) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(t)) {
                    return t;
                }
            }
        }
        return null;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String clip(String text) {
        return text.length() <= MAX ? text : text.substring(0, MAX);
    }

    /**
     * A failure whose text a connector composed itself from the provider's answer (its status
     * and error description, never a URL); {@link #describe} passes it on, redacted. Do not
     * give it an HTTP client's exception as the cause: a logged stack trace would print it.
     */
    public static class ProviderException extends RuntimeException {

        private final int status;

        public ProviderException(int status, String description) {
            super(redact(description));
            this.status = status;
        }

        public ProviderException(int status, String description, Throwable cause) {
            super(redact(description), cause);
            this.status = status;
        }

        /** The provider's status or error code, 0 when the call got no answer. */
        public int status() {
            return status;
        }
    }
}
