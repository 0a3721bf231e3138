package com.omnichat.channel.connector;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Optional;

/** A client's id on channels that address him by his phone number: its E.164 digits without the plus. */
public final class PhoneDigits {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private PhoneDigits() {}

    /** The digits of a valid E.164 number, or empty when it is not one. */
    public static Optional<String> of(String e164Phone) {
        try {
            var number = PHONES.parse(e164Phone, "ZZ");
            return PHONES.isValidNumber(number)
                    ? Optional.of(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164)
                            .substring(1))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
