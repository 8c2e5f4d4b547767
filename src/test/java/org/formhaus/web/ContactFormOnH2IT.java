package org.formhaus.web;

import org.formhaus.testing.TestServer;

/** The contact form end to end on the quick start's embedded database, H2 in MariaDB mode. */
class ContactFormOnH2IT extends ContactFormEndToEnd {
    @Override
    TestServer.Builder onDatabase() {
        return TestServer.onH2();
    }
}
