package org.formhaus.bench;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.formhaus.testing.TestServer;

/**
 * What offering viewing slots costs a form page (bench/viewing-slots.sh; not a test): GET of a viewing form's page
 * with its slots from the agent's calendar, one at a time, next to the same form without slots; first the page that
 * asks onOffice (the in-process simulator: READ estate + GET appointmentList), then pages within the minute the
 * calendar is remembered (each still reads the slots booked in the database). Prints median, p90 and max in ms.
 * In-process Formhaus on H2 with the onOffice simulator, as the tests run it.
 *
 * <p>Arguments (all optional): measured pages (300), warm-up pages (100).
 */
public final class ViewingSlotsBench {

    private static final String FORM = """
            { "key": "%s", "kind": "appointment", "title": "Besichtigung",
              "onoffice": {"appointment": {"user": "estate", "art": "Besichtigung", "durationMinutes": 60%s}},
              "fields": [
              {"name": "objekt", "type": "hidden", "label": "Objekt", "maps": "estate.Id"},
              {"name": "name", "type": "text", "label": "Name", "maps": "address.Name"},
              {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"},
              {"name": "termin", "type": "datetime", "label": "Termin", "required": true, "maps": "calendar.start_dt"}
              ] }""";

    private ViewingSlotsBench() {
    }

    public static void main(String[] args) throws Exception {
        int measured = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        try (TestServer server = TestServer.onH2().start()) {
            server.adminJson("POST", "/admin/api/forms", FORM.formatted("slots", ", \"slots\": {\"count\": 20}"));
            server.adminJson("POST", "/admin/api/forms", FORM.formatted("plain", ""));
            long t0 = System.nanoTime();
            HttpResponse<String> first = server.get("/f/slots?fh_estate=10");
            double cold = (System.nanoTime() - t0) / 1e6;
            if (!first.body().contains("name=\"_fh_slot\"")) {
                throw new IllegalStateException("the page offers no slots: " + first.body());
            }
            System.out.printf("first slot page (asks onOffice): %.1f ms%n", cold);
            for (String key : List.of("slots", "plain")) {
                for (int i = 0; i < warmUp; i++) {
                    server.get("/f/" + key + "?fh_estate=10");
                }
                List<Double> ms = new ArrayList<>();
                for (int i = 0; i < measured; i++) {
                    long s = System.nanoTime();
                    HttpResponse<String> page = server.get("/f/" + key + "?fh_estate=10");
                    ms.add((System.nanoTime() - s) / 1e6);
                    if (page.statusCode() != 200) {
                        throw new IllegalStateException("GET /f/" + key + ": " + page.statusCode());
                    }
                }
                Collections.sort(ms);
                System.out.printf("%-6s page, %d sequential GETs: median %.2f ms, p90 %.2f ms, max %.2f ms%n", key,
                        measured, ms.get(ms.size() / 2), ms.get((int) (ms.size() * 0.9)), ms.get(ms.size() - 1));
            }
            System.out.println("onOffice requests over the run: " + server.simulator().requests().size()
                    + " (the calendar is remembered " + Map.of("agent", "5 min", "appointments", "60 s") + ")");
        }
    }
}
