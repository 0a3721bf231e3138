package com.omnichat.channel.connector;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;

/**
 * The one place where a provider call's failure becomes text that may be stored, shown or
 * logged. HTTP clients put the request URL into their exception messages, and provider URLs
 * carry secrets (Telegram's {@code /bot<token>/}, {@code access_token=} of the Graph API), so
 * an exception's own message is never used as it is: the text is built from the status code,
 * the provider's own error description and the exception class, and then redacted.
 */
public final class ProviderErrors {

    private static final int MAX = 500;

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
            Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*://)[^/@\\s:]+:[^/@\\s]+@"),
    };

    private ProviderErrors() {
    }

    /**
     * A safe description of a failed provider call: "HTTP 502", "provider unreachable
     * (ConnectException)", "timed out", or the redacted text of one of our own exceptions
     * ({@link DeliveryException}, {@link ProviderException}) whose text the connector built
     * from the provider's answer.
     */
    public static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProviderException || t instanceof DeliveryException
                    || t instanceof MediaPolicy.MediaRejectedException
                    || t instanceof UnparseableEventException) {
                return clip(redact(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage()));
            }
            if (t instanceof RestClientResponseException r) {
                return "HTTP " + r.getStatusCode().value();
            }
        }
        Throwable root = rootCause(e);
        if (root instanceof HttpTimeoutException || root instanceof SocketTimeoutException) {
            return "Provider did not answer in time (" + root.getClass().getSimpleName() + ")";
        }
        if (root instanceof ConnectException || root instanceof UnknownHostException) {
            return "Provider unreachable (" + root.getClass().getSimpleName() + ")";
        }
        if (e instanceof ResourceAccessException || root instanceof IOException) {
            return "Network error (" + root.getClass().getSimpleName() + ")";
        }
        return "Unexpected error (" + root.getClass().getSimpleName() + ")";
    }

    /** Removes tokens, access tokens, passwords and authorization headers from a text. */
    public static String redact(@Nullable String text) {
        if (text == null) {
            return "";
        }
        String result = text;
        for (Pattern secret : SECRETS) {
            result = secret.matcher(result).replaceAll(m -> m.groupCount() >= 1 && m.group(1) != null
                    ? java.util.regex.Matcher.quoteReplacement(m.group(1)) + "***"
                    : "***");
        }
        return result;
    }

    /** Redacts and also removes the given secret values wherever they appear. */
    public static String redact(@Nullable String text, Iterable<String> secrets) {
        String result = text == null ? "" : text;
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 4) {
                result = result.replace(secret, "***");
            }
        }
        return redact(result);
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
     * and error description, never a URL); {@link #describe} passes it on, redacted.
     */
    public static class ProviderException extends RuntimeException {

        private final int status;

        public ProviderException(int status, String description) {
            super(description);
            this.status = status;
        }

        public ProviderException(int status, String description, Throwable cause) {
            super(description, cause);
            this.status = status;
        }

        /** The provider's status or error code, 0 when the call got no answer. */
        public int status() {
            return status;
        }
    }
}
