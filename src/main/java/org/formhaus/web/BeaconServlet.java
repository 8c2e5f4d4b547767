package org.formhaus.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.formhaus.http.HttpProblem;
import org.formhaus.http.JsonServlet;
import org.formhaus.statistics.FormTraffic;
import org.formhaus.statistics.Source;
import org.formhaus.storage.FormStore;
import org.formhaus.storage.StoredForm;

/**
 * {@code POST /beacon/{formKey}}: what stats.js reports from a served form page, for the statistics: its first
 * interaction ({@code event=start}, with the page's source) and each step reached ({@code event=step&step=N}).
 * Urlencoded, no personal data. Junk is refused and not counted: a body over {@value #MAX_BODY} bytes (413), more
 * than {@value #PER_MINUTE} beacons a minute from one address (429), an unknown field, event or step (400 naming
 * it), no valid form token of a page served by this Formhaus for this form within the token validity (400: a beacon
 * comes only from a page that was served, and counted as a view), an unknown form (404). Answers 204. Thread-safe.
 */
public final class BeaconServlet extends JsonServlet {

    static final int MAX_BODY = 2048;
    static final int PER_MINUTE = 60;
    private static final List<String> FIELDS = List.of("event", "step", SpamGuard.TOKEN, "fh_page", "utm_source",
            "utm_medium", "utm_campaign");

    private final FormStore forms;
    private final FormTraffic traffic;
    private final FormToken tokens;
    private final long tokenValidityMs;
    private final RateLimiter perAddress = new RateLimiter(PER_MINUTE);

    public BeaconServlet(FormStore forms, FormTraffic traffic, String instanceKey, Duration tokenValidity) {
        this.forms = forms;
        this.traffic = traffic;
        this.tokens = new FormToken(instanceKey);
        this.tokenValidityMs = tokenValidity.toMillis();
    }

    @Override
    protected void post(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String[] path = segments(request);
        if (path.length != 1) {
            throw HttpProblem.notFound("Form");
        }
        if (request.getContentLengthLong() > MAX_BODY) {
            throw new HttpProblem(413, "A beacon is at most " + MAX_BODY + " bytes");
        }
        long now = System.currentTimeMillis();
        long wait = perAddress.acquire(request.getRemoteAddr(), now);
        if (wait > 0) {
            response.setHeader("Retry-After", Long.toString(wait));
            throw new HttpProblem(429, "Too many beacons; try again in " + wait + " seconds");
        }
        for (String name : new TreeSet<>(request.getParameterMap().keySet())) {
            if (!FIELDS.contains(name)) {
                throw HttpProblem.badRequest("Unknown beacon field '" + name + "'; known: "
                        + String.join(", ", FIELDS));
            }
        }
        Optional<StoredForm> form = forms.current(path[0]);
        if (form.isEmpty()) {
            throw HttpProblem.notFound("Form");
        }
        FormToken.Served served = tokens.open(form.get().key(), request.getParameter(SpamGuard.TOKEN));
        if (served == null || now - served.atMs() > tokenValidityMs) {
            throw HttpProblem.badRequest(SpamGuard.TOKEN + ": not a valid token of a page of this form");
        }
        String event = String.valueOf(request.getParameter("event"));
        switch (event) {
            case "start" -> traffic.started(form.get().key(), Source.of(request::getParameter));
            case "step" -> traffic.reachedStep(form.get().key(), step(request.getParameter("step"),
                    Math.min(FormTraffic.MAX_STEPS, form.get().definition().steps().size())));
            default -> throw HttpProblem.badRequest("event: must be 'start' or 'step'");
        }
        response.setStatus(204);
    }

    private static int step(String value, int steps) {
        try {
            int step = Integer.parseInt(String.valueOf(value));
            if (step >= 2 && step <= steps) {
                return step;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw HttpProblem.badRequest("step: must be a number from 2 to " + steps + " (the form's steps)");
    }
}
