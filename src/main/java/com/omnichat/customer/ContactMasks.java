package com.omnichat.customer;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import org.jspecify.annotations.Nullable;

/**
 * Contacts shown so that a manager can recognise a buyer he knows without reading a full
 * phone or address off the screen: "+380 67 *** **67", "a***@example.com".
 */
public final class ContactMasks {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    /** Digits of the national number kept at its start (the operator or area code) and at its end. */
    private static final int KEPT_AT_START = 2;

    private static final int KEPT_AT_END = 2;

    private ContactMasks() {}

    /**
     * A stored phone (E.164) in its international form with the country code, the first two
     * and the last two digits of the number kept; null for none.
     */
    public static @Nullable String phone(@Nullable String e164) {
        if (e164 == null || e164.isBlank()) {
            return null;
        }
        String shown;
        int countryDigits;
        try {
            var number = UTIL.parse(e164, "ZZ");
            shown = UTIL.format(number, PhoneNumberFormat.INTERNATIONAL);
            countryDigits = Integer.toString(number.getCountryCode()).length();
        } catch (NumberParseException e) {
            shown = e164;
            countryDigits = 0;
        }
        int digits = (int) shown.chars().filter(Character::isDigit).count();
        int national = digits - countryDigits;
        // A short number keeps only its end: start and end together would show it whole.
        int keptAtStart = national > KEPT_AT_START + KEPT_AT_END + 2 ? KEPT_AT_START : 0;
        var masked = new StringBuilder(shown.length());
        int index = 0;
        for (char ch : shown.toCharArray()) {
            if (!Character.isDigit(ch)) {
                masked.append(ch);
                continue;
            }
            boolean kept = index < countryDigits + keptAtStart || index >= digits - KEPT_AT_END;
            masked.append(kept ? ch : '*');
            index++;
        }
        return masked.toString();
    }

    /** An e-mail address with only the first letter of its local part: "a***@example.com"; null for none. */
    public static @Nullable String email(@Nullable String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        int at = email.lastIndexOf('@');
        if (at < 1) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }
}
