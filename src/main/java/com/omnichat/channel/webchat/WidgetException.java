package com.omnichat.channel.webchat;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/** A refused widget API call: the HTTP status, a short code the widget understands, and extras. */
class WidgetException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final @Nullable String field;
    private final @Nullable Duration retryAfter;

    WidgetException(HttpStatus status, String code, @Nullable String field, @Nullable Duration retryAfter) {
        super(code);
        this.status = status;
        this.code = code;
        this.field = field;
        this.retryAfter = retryAfter;
    }

    static WidgetException badRequest(String code) {
        return new WidgetException(HttpStatus.BAD_REQUEST, code, null, null);
    }

    static WidgetException invalidField(String field) {
        return new WidgetException(HttpStatus.BAD_REQUEST, "invalid", field, null);
    }

    static WidgetException unauthorized() {
        return new WidgetException(HttpStatus.UNAUTHORIZED, "bad-token", null, null);
    }

    static WidgetException notFound() {
        return new WidgetException(HttpStatus.NOT_FOUND, "no-such-channel", null, null);
    }

    static WidgetException tooMany(Duration retryAfter) {
        return new WidgetException(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", null, retryAfter);
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }

    @Nullable
    String field() {
        return field;
    }

    @Nullable
    Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        // An expected answer, not a fault: no stack trace to collect.
        return this;
    }
}
