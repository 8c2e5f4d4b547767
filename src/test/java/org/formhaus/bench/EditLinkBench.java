package org.formhaus.bench;

import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.formhaus.simulator.FaultMode;
import org.formhaus.testing.Await;
import org.formhaus.testing.TestServer;

/**
 * What an edit link costs a visitor (bench/edit-links.sh; not a test): the time to serve an edit form's page opened
 * through its link (the link's row looked up by hash, then one onOffice read, here the in-process simulator) beside
 * the plain page of the form that sent it, N sequential page loads each, p50 and p95; then with onOffice hanging (the
 * simulator's {@code slow} fault, 10 s), where the visitor gets the "try again" page after onoffice.request.timeout
 * (3 s here).
 *
 * <p>Arguments (all optional): page loads per measurement (200).
 */
public final class EditLinkBench {

    static final String EDIT = """
            { "key": "profil-aendern", "kind": "searchprofile", "title": "Suchprofil ändern",
              "edit": {"module": "searchcriteria"},
              "fields": [
                {"name": "preis", "type": "range", "label": "Kaufpreis", "maps": "searchcriteria.kaufpreis"},
                {"name": "ort", "type": "text", "label": "Ort", "maps": "searchcriteria.range_ort"} ] }""";
    static final String SOURCE = """
            { "key": "profil", "kind": "searchprofile", "title": "Suchprofil",
              "fields": [
                {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"},
                {"name": "preis", "type": "range", "label": "Kaufpreis", "maps": "searchcriteria.kaufpreis"},
                {"name": "ort", "type": "text", "label": "Ort", "maps": "searchcriteria.range_ort"} ],
              "emails": {"confirmation": {"enabled": true, "subject": "Ihr Suchprofil",
                "body": "<a href=\\"${editLinks['profil-aendern']}\\">ändern</a>"}} }""";

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        try (TestServer server = TestServer.onH2().with("onoffice.request.timeout.seconds", "3")
                .with("ratelimit.form.submissions.per.minute", "0").start()) {
            server.admin("PUT", "/admin/api/forms/profil-aendern", EDIT);
            server.admin("PUT", "/admin/api/forms/profil", SOURCE);
            String link = link(server);
            measure(server, "/f/profil", 50); // warm-up
            measure(server, link, 50);
            List<Long> plain = measure(server, "/f/profil", n);
            List<Long> edit = measure(server, link, n);
            System.out.printf("plain form page:        p50 %.1f ms, p95 %.1f ms (%d loads)%n",
                    LiveRuleBench.ms(plain, 50), LiveRuleBench.ms(plain, 95), n);
            System.out.printf("page through edit link: p50 %.1f ms, p95 %.1f ms (one onOffice read each)%n",
                    LiveRuleBench.ms(edit, 50), LiveRuleBench.ms(edit, 95));
            server.simulator().fault(FaultMode.SLOW, 10_000);
            List<Long> hanging = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                int status = server.get(link).statusCode();
                hanging.add(System.nanoTime() - start);
                if (status != 503) {
                    throw new IllegalStateException("expected 503 while onOffice hangs, got " + status);
                }
            }
            server.simulator().noFault();
            System.out.printf("onOffice hanging:       p50 %.1f ms, max %.1f ms (503 \"try again\"; link kept)%n",
                    LiveRuleBench.ms(hanging, 50), LiveRuleBench.ms(hanging, 100));
        }
    }

    /** One delivered search profile's edit link, from the confirmation the simulator recorded as sent. */
    private static String link(TestServer server) throws Exception {
        HttpResponse<String> reply = server.submitJson("profil", Map.of("email", List.of("bench@example.org"),
                "preis_from", List.of("300000"), "preis_to", List.of("500000"), "ort", List.of("Aachen")));
        String id = JsonParser.parseString(reply.body()).getAsJsonObject().get("id").getAsString();
        Await.until("delivery", Duration.ofSeconds(30), () -> server.adminJson("GET", "/admin/api/submissions/" + id,
                null).getAsJsonObject().get("status").getAsString().equals("delivered") ? true : null);
        Matcher m = Pattern.compile("/f/profil-aendern\\?fh_edit=[A-Za-z0-9_-]{43}")
                .matcher(server.simulator().mailsTo("bench@example.org").get(0).toString());
        if (!m.find()) {
            throw new IllegalStateException("no edit link in the confirmation");
        }
        return m.group();
    }

    static List<Long> measure(TestServer server, String path, int n) throws Exception {
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            HttpResponse<String> reply = server.get(path);
            nanos.add(System.nanoTime() - start);
            if (reply.statusCode() != 200) {
                throw new IllegalStateException(reply.statusCode() + " " + reply.body());
            }
        }
        return nanos;
    }
}
