package com.omnichat.sales;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

import com.omnichat.base.UserFacingException;

/** Input rules shared by requests, orders and products; each failure names its translation key. */
final class Checks {

    private Checks() {
    }

    static String required(@Nullable String value, int max, String missingKey, String tooLongKey) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw new UserFacingException(missingKey);
        }
        return limited(v, max, tooLongKey);
    }

    static @Nullable String optional(@Nullable String value, int max, String tooLongKey) {
        String v = value == null ? "" : value.strip();
        return v.isEmpty() ? null : limited(v, max, tooLongKey);
    }

    private static String limited(String v, int max, String tooLongKey) {
        if (v.length() > max) {
            throw new UserFacingException(tooLongKey, max);
        }
        return v;
    }

    /** Whether the number fits a column of {@code integerDigits} digits before and {@code scale} after the point. */
    static boolean fits(BigDecimal value, int integerDigits, int scale) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() <= scale && stripped.precision() - stripped.scale() <= integerDigits;
    }

    /** The number a search such as "1002" or "#1002" names, or null. */
    static @Nullable Long numberIn(String search) {
        String s = search.strip().replaceFirst("^[#№]\\s*", "");
        if (s.isEmpty() || s.length() > 15 || !s.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.parseLong(s);
    }
}
