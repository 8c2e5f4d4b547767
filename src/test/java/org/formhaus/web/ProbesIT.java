package org.formhaus.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.formhaus.testing.TestDatabase;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * Liveness and readiness are separate (issue 14): when the database can no longer serve Formhaus, the instance is
 * not ready (send visitors elsewhere) but still alive (a restart would not help); {@code /healthz} stays as the
 * contract says.
 */
class ProbesIT {

    @Test
    void withoutItsDatabaseAnInstanceIsNotReadyButStillAlive() throws Exception {
        TestDatabase db = TestDatabase.mariaDb();
        try (TestServer server = TestServer.on(db).start()) {
            assertProbe(server, "/livez", 200, "\"delivery\":\"running\"");
            assertProbe(server, "/readyz", 200, "\"status\":\"ok\"");
            assertProbe(server, "/healthz", 200, "\"status\":\"ok\"");

            db.close(); // drops Formhaus's database under the running instance

            assertProbe(server, "/readyz", 503, "\"database\":\"not answering\"");
            assertProbe(server, "/livez", 200, "\"status\":\"ok\"");
        } finally {
            db.close();
        }
    }

    private static void assertProbe(TestServer server, String path, int status, String expected) throws Exception {
        HttpResponse<String> reply = server.get(path);
        assertEquals(status, reply.statusCode(), path + ": " + reply.body());
        assertTrue(reply.body().contains(expected), path + ": " + reply.body());
        assertTrue(reply.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), path);
    }
}
