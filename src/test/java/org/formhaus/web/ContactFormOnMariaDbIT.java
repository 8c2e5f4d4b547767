package org.formhaus.web;

import org.formhaus.testing.TestServer;

/** The contact form end to end on the production database, MariaDB. */
class ContactFormOnMariaDbIT extends ContactFormEndToEnd {
    @Override
    TestServer.Builder onDatabase() {
        return TestServer.onMariaDb();
    }
}
