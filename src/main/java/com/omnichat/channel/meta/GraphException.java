package com.omnichat.channel.meta;

import com.omnichat.channel.connector.DeliveryException;
import com.omnichat.channel.connector.ProviderErrors;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A failed Graph API call, from Graph's error envelope
 * ({@code error.message/type/code/error_subcode/fbtrace_id}) or from no answer at all. Its
 * text is {@link GraphErrors#reason}: a mapped text per known code, else Graph's message
 * redacted; safe to store, show and log. {@link #toDelivery()} is the one mapping to a
 * delivery outcome.
 */
public class GraphException extends ProviderErrors.ProviderException {

    /** What a caller should do about it. */
    public enum Kind {
        /** Throttled (codes 4, 17, 32, 613, 80007, 130429): wait {@link #retryAfter()}, then again. */
        RATE_LIMITED,
        /** The access token expired or was revoked (190): the channel needs a new one. */
        TOKEN_INVALID,
        /** 5xx, no answer, or Graph says it is transient. */
        RETRYABLE,
        /** Anything else: retrying changes nothing. */
        PERMANENT
    }

    private final int httpStatus;
    private final int code;
    private final int subcode;
    private final @Nullable String type;
    private final @Nullable String fbtraceId;
    private final Kind kind;
    private final @Nullable Duration retryAfter;

    GraphException(
            int httpStatus,
            int code,
            int subcode,
            @Nullable String type,
            @Nullable String fbtraceId,
            Kind kind,
            @Nullable Duration retryAfter,
            String reason) {
        super(code != 0 ? code : httpStatus, reason);
        this.httpStatus = httpStatus;
        this.code = code;
        this.subcode = subcode;
        this.type = type;
        this.fbtraceId = fbtraceId;
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    /** The HTTP status, 0 when the call got no answer. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Graph's {@code error.code}, 0 when there was none. */
    public int code() {
        return code;
    }

    /** Graph's {@code error.error_subcode}, 0 when there was none. */
    public int subcode() {
        return subcode;
    }

    public @Nullable String type() {
        return type;
    }

    /** Meta's trace id for a support request (no secret). */
    public @Nullable String fbtraceId() {
        return fbtraceId;
    }

    public Kind kind() {
        return kind;
    }

    public @Nullable Duration retryAfter() {
        return retryAfter;
    }

    /** The delivery outcome: rate-limited with the wait, retryable, or permanent (an invalid token too). */
    public DeliveryException toDelivery() {
        String reason = getMessage() == null ? "Meta error" : getMessage();
        return switch (kind) {
            case RATE_LIMITED ->
                DeliveryException.rateLimited(reason, retryAfter == null ? GraphErrors.DEFAULT_WAIT : retryAfter);
            case RETRYABLE -> DeliveryException.retryable(reason);
            case TOKEN_INVALID, PERMANENT -> DeliveryException.permanent(reason);
        };
    }
}
