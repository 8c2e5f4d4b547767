package org.formhaus.web;

import org.formhaus.testing.TestDatabase;

/** The contact form end to end on the production database, MariaDB. */
class ContactFormOnMariaDbIT extends ContactFormEndToEnd {
    @Override
    TestDatabase database() {
        return TestDatabase.mariaDb();
    }
}
