package com.omnichat.customer;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.omnichat.base.UserFacingException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Validates a phone as typed and normalizes it to E.164, so one buyer's number is stored
 * (and matched) the same way however it was written. A number without a country code is
 * read in the default region ({@code omnichat.phone.default-region}, "UA" unless set).
 */
@Component
class PhoneNumbers {

    private static final int MAX_INPUT = 40;

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    PhoneNumbers(CustomerProperties properties) {
        String defaultRegion = properties.defaultRegion();
        this.defaultRegion = defaultRegion.strip().toUpperCase(Locale.ROOT);
        if (!util.getSupportedRegions().contains(this.defaultRegion)) {
            throw new IllegalStateException("omnichat.phone.default-region: unknown region " + defaultRegion);
        }
    }

    /** The number in E.164 ("+380671234567"), null for a blank input; a user error when not a valid number. */
    @Nullable
    String normalize(@Nullable String input) {
        if (input == null || input.isBlank()) {
            return null;
        }
        String typed = input.strip();
        if (typed.length() > MAX_INPUT) {
            throw new UserFacingException("client.error.phone-invalid", typed.substring(0, MAX_INPUT) + "…");
        }
        try {
            var number = util.parse(typed, defaultRegion);
            if (!util.isValidNumber(number)) {
                throw new UserFacingException("client.error.phone-invalid", typed);
            }
            return util.format(number, PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw new UserFacingException("client.error.phone-invalid", typed);
        }
    }
}
