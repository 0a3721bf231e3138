package com.omnichat.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The offered buyer's contacts are recognisable, not readable. */
class ContactMasksTest {

    @ParameterizedTest
    @CsvSource({
        "+380671234567, +380 67 *** **67",
        "+442079460958, +44 20 **** **58",
        "+12025550143, +1 20*-***-**43",
    })
    void aPhoneKeepsItsCountryCodeTheFirstTwoAndTheLastTwoDigits(String e164, String masked) {
        assertThat(ContactMasks.phone(e164)).isEqualTo(masked);
    }

    @Test
    void aShortNumberKeepsOnlyItsEnd() {
        assertThat(ContactMasks.phone("+3721234")).isEqualTo("+372 **34");
    }

    @ParameterizedTest
    @CsvSource({
        "anna@example.com, a***@example.com",
        "a@example.com, a***@example.com",
        "olena.bondar+shop@ukr.net, o***@ukr.net",
    })
    void anEmailKeepsTheFirstLetterAndTheDomain(String email, String masked) {
        assertThat(ContactMasks.email(email)).isEqualTo(masked);
    }

    @Test
    void noContactMasksToNothing() {
        assertThat(ContactMasks.phone(null)).isNull();
        assertThat(ContactMasks.email(" ")).isNull();
    }
}
