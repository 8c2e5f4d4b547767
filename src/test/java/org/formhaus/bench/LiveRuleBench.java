package org.formhaus.bench;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.formhaus.simulator.FaultMode;
import org.formhaus.testing.TestServer;

/**
 * What live-CRM rules cost a visitor (bench/live-rules.sh; not a test): the time to answer a bid's submission with a
 * live rule (one onOffice READ of the estate, here the in-process simulator) beside the same form without the rule,
 * N sequential submissions each, p50 and p95; then the same with onOffice hanging (the simulator's {@code slow}
 * fault, 10 s), where the visitor's wait is capped by the check's 2 s and the submission is accepted.
 *
 * <p>Arguments (all optional): submissions per measurement (200).
 */
public final class LiveRuleBench {

    static final String BID = """
            { "key": "%s", "kind": "inquiry", "title": "Gebot", "onoffice": {"activity": false %s},
              "fields": [
              {"name": "objekt", "type": "hidden", "label": "Objekt", "maps": "estate.Id"},
              {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"},
              {"name": "gebot", "type": "currency", "label": "Ihr Gebot", "required": true} ] }""";
    static final String RULE = """
            , "liveRules": [{"field": "gebot", "compare": "greaterOrEqual", "record": "estate.kaufpreis", "plus": 1000}]""";

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        try (TestServer server = TestServer.onH2().with("delivery.poll.millis", "600000")
                .with("ratelimit.form.submissions.per.minute", "0").start()) {
            server.admin("POST", "/admin/api/forms", BID.formatted("ohne", ""));
            server.admin("POST", "/admin/api/forms", BID.formatted("mit", RULE));
            measure(server, "ohne", 50); // warm-up
            measure(server, "mit", 50);
            List<Long> without = measure(server, "ohne", n);
            List<Long> with = measure(server, "mit", n);
            System.out.printf("without live rule: p50 %.1f ms, p95 %.1f ms (%d submissions)%n", ms(without, 50),
                    ms(without, 95), n);
            System.out.printf("with live rule:    p50 %.1f ms, p95 %.1f ms (one onOffice READ each)%n", ms(with, 50),
                    ms(with, 95));
            server.simulator().fault(FaultMode.SLOW, 10_000);
            List<Long> hanging = measure(server, "mit", 5);
            server.simulator().noFault();
            System.out.printf("onOffice hanging:  p50 %.1f ms, max %.1f ms (accepted; delivery decides)%n",
                    ms(hanging, 50), ms(hanging, 100));
        }
    }

    static List<Long> measure(TestServer server, String form, int n) throws Exception {
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            HttpResponse<String> reply = server.submitJson(form, Map.of("objekt", List.of("10"),
                    "email", List.of("bench" + i + "@example.org"), "gebot", List.of("400000")));
            nanos.add(System.nanoTime() - start);
            if (reply.statusCode() != 202) {
                throw new IllegalStateException(reply.statusCode() + " " + reply.body());
            }
        }
        return nanos;
    }

    static double ms(List<Long> nanos, int percentile) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int i = Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, i)) / 1e6;
    }
}
