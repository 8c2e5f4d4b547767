package org.formhaus.forms;

import java.util.regex.Pattern;
import org.apache.commons.validator.routines.EmailValidator;

/**
 * The one email check of the product: commons-validator's, which also knows the real top-level domains, plus the
 * RFC 2606 names reserved for documentation and tests ({@code .example}, {@code .test}), which sandbox mailboxes
 * and examples use. Thread-safe.
 */
public final class EmailAddresses {

    private static final EmailValidator VALIDATOR = EmailValidator.getInstance(false, false);
    private static final Pattern RESERVED_TLD = Pattern.compile("\\.(example|test)$");

    private EmailAddresses() {
    }

    public static boolean isValid(String address) {
        if (address == null || address.length() > 254) {
            return false;
        }
        // A reserved TLD stands in for a real one: check the rest of the address as if it ended in .org.
        return VALIDATOR.isValid(RESERVED_TLD.matcher(address).replaceFirst(".org"));
    }
}
