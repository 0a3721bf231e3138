package com.omnichat.customer;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import org.jspecify.annotations.Nullable;

/** Stored phones (E.164) as people read them. */
public final class Phones {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private Phones() {}

    /** "+380671234567" as "+380 67 123 4567"; empty for none, anything unparsable as it is. */
    public static String display(@Nullable String e164) {
        if (e164 == null || e164.isBlank()) {
            return "";
        }
        try {
            return UTIL.format(UTIL.parse(e164, "ZZ"), PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException e) {
            return e164;
        }
    }
}
