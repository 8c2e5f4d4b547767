package org.formhaus.web;

import org.formhaus.testing.TestDatabase;

/** The contact form end to end on the quick start's embedded database, H2 in MariaDB mode. */
class ContactFormOnH2IT extends ContactFormEndToEnd {
    @Override
    TestDatabase database() {
        return TestDatabase.h2();
    }
}
