package org.formhaus.forms;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The arithmetic of calculations and number conditions, one definition for server and browser (form.js mirrors it
 * with BigInt): exact addition, subtraction and multiplication; division to {@link #SCALE} decimal places; every
 * result rounded half-up (away from zero) to at most {@link #SCALE} places; a result of {@link #LIMIT} or more in
 * magnitude, and a division by zero, have no value (null). Stateless.
 */
public final class Decimals {

    /** Decimal places kept by every intermediate result. */
    public static final int SCALE = 10;
    /** Results must stay below this magnitude (10^15). */
    static final BigDecimal LIMIT = BigDecimal.TEN.pow(15);

    private Decimals() {
    }

    static BigDecimal add(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? null : fit(a.add(b));
    }

    static BigDecimal subtract(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? null : fit(a.subtract(b));
    }

    static BigDecimal multiply(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? null : fit(a.multiply(b));
    }

    static BigDecimal divide(BigDecimal a, BigDecimal b) {
        if (a == null || b == null || b.signum() == 0) {
            return null;
        }
        return fit(a.divide(b, SCALE, RoundingMode.HALF_UP));
    }

    /** Half-up to {@code places} decimal places. */
    static BigDecimal round(BigDecimal a, int places) {
        return a == null ? null : a.setScale(places, RoundingMode.HALF_UP);
    }

    private static BigDecimal fit(BigDecimal a) {
        BigDecimal r = a.scale() > SCALE ? a.setScale(SCALE, RoundingMode.HALF_UP) : a;
        return r.abs().compareTo(LIMIT) >= 0 ? null : r;
    }

    /** A result as stored and shown: rounded to {@code places}, no trailing zeros, the language's decimal mark. */
    public static String format(BigDecimal value, int places, String language) {
        if (value == null) {
            return "";
        }
        String plain = round(value, places).stripTrailingZeros().toPlainString();
        if (plain.equals("-0")) {
            plain = "0";
        }
        return "en".equals(language) ? plain : plain.replace('.', ',');
    }
}
