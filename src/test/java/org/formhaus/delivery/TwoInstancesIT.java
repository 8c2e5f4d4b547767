package org.formhaus.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.formhaus.simulator.FaultMode;
import org.formhaus.simulator.Simulator;
import org.formhaus.simulator.SimulatorServer;
import org.formhaus.testing.Await;
import org.formhaus.testing.TestDatabase;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * Two Formhaus instances on one MariaDB database drain one backlog: each job is claimed by exactly one of them, so
 * every visitor gets one address, one confirmation and one notice in the (shared, standalone) simulator.
 */
class TwoInstancesIT {

    private static final int BACKLOG = 60;

    @Test
    void twoInstancesOnOneDatabaseDeliverEachSubmissionOfABacklogExactlyOnce() throws Exception {
        // The simulator runs on this machine: allowed as an onOffice host the way an operator would allow one.
        Map<String, String> settings = Map.of("sandbox", "false", "onoffice.hosts", "localhost",
                "delivery.workers", "4", "delivery.per.account", "4",
                "delivery.backoff.base.millis", "100", "delivery.backoff.max.millis", "400", "delivery.poll.millis", "20");
        TestDatabase db = TestDatabase.mariaDb();
        try (SimulatorServer sim = SimulatorServer.start(Simulator.create(TestServer.SIM_TOKEN, TestServer.SIM_SECRET), 0);
             TestServer a = TestServer.on(db).with(settings).start();
             TestServer b = TestServer.joining(db).with(settings).start()) {
            a.adminJson("PUT", "/admin/api/settings/onoffice", Leads.onOfficeSettings(sim.apiUri()));
            a.adminJson("POST", "/admin/api/forms", Leads.FORM);
            sim.simulator().setFault(FaultMode.DOWN, 0);
            List<String> emails = new ArrayList<>();
            for (int i = 0; i < BACKLOG; i++) {
                String email = "both." + i + "@example.org";
                emails.add(email);
                Leads.submit(i % 2 == 0 ? a : b, email);
            }
            sim.simulator().setFault(FaultMode.SLOW, 30);
            Await.until("the backlog to be delivered", Duration.ofSeconds(60), () -> Leads.count(db.url(),
                    "SELECT COUNT(*) FROM submission WHERE status = 'delivered'") == BACKLOG ? true : null);

            Leads.assertExactlyOnce(sim.simulator().records("address"), sim.simulator().mails(), emails);
            assertEquals(0, Leads.count(db.url(), "SELECT COUNT(*) FROM delivery_job WHERE state <> 'done'"));
        }
    }
}
