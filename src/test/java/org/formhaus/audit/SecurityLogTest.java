package org.formhaus.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SecurityLogTest {

    @Test
    void aLineNamesKindAccountAndUserByIdAndCannotBeSplitOrForgedByItsDetail() {
        assertEquals("security event sign-in account=3 user=7 detail=\"with password\"",
                SecurityLog.line(SecurityEventKind.SIGN_IN, "3", 7L, "with password"));
        assertEquals("security event sign-in-failed account=- user=- detail=\"x_ security event sign-in _ok_\"",
                SecurityLog.line(SecurityEventKind.SIGN_IN_FAILED, "-", null, "x\n security event sign-in \"ok\\"));
    }
}
