package org.formhaus.admin;

import org.formhaus.storage.Role;
import java.util.List;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import org.formhaus.http.HttpProblem;
import org.formhaus.http.Json;
import org.formhaus.http.KnownKeys;
import org.formhaus.http.JsonServlet;
import org.formhaus.storage.DeliveryAttempt;
import org.formhaus.storage.DeliveryJobStore;
import org.formhaus.storage.Submission;
import org.formhaus.storage.SubmissionStore;
import org.formhaus.submission.SubmissionJson;

/**
 * {@code /admin/api/submissions}: the account's submissions with their delivery status, onOffice record ids and
 * attempts; {@code POST /{id}/retry} sends a failed one again; {@code POST /retry-failed?form=KEY} sends every failed
 * one of a form again ({@code {"retried": n}}).
 */
public final class SubmissionsApiServlet extends JsonServlet implements AdminEndpoints {

    /** Every URL this servlet answers and who may call it (checked by the access guard before it runs). */
    static final List<Endpoint> ENDPOINTS = List.of(
            Endpoint.of("GET", "/admin/api/submissions", Role.VIEWER),
            Endpoint.of("GET", "/admin/api/submissions/{submission}", Role.VIEWER),
            Endpoint.of("POST", "/admin/api/submissions/{submission}/retry", Role.EDITOR),
            Endpoint.of("POST", "/admin/api/submissions/retry-failed", Role.EDITOR));

    @Override
    public List<Endpoint> endpoints() {
        return ENDPOINTS;
    }


    private final SubmissionStore submissions;
    private final DeliveryJobStore jobs;
    private final Duration giveUpAfter;
    private final Runnable onRetry;
    private final FailedRetries failedRetries;

    public SubmissionsApiServlet(SubmissionStore submissions, DeliveryJobStore jobs, Duration giveUpAfter,
                                 Runnable onRetry, FailedRetries failedRetries) {
        this.failedRetries = failedRetries;
        this.submissions = submissions;
        this.jobs = jobs;
        this.giveUpAfter = giveUpAfter;
        this.onRetry = onRetry;
    }

    @Override
    protected void get(HttpServletRequest request, HttpServletResponse response) throws Exception {
        long account = AdminAuthFilter.accountOf(request);
        String[] path = segments(request);
        if (path.length == 0) {
            KnownKeys.checkParameters(request, "limit", "form");
            int limit = limit(request.getParameter("limit"));
            JsonArray list = new JsonArray();
            for (Submission s : submissions.list(account, request.getParameter("form"), limit)) {
                list.add(summary(s));
            }
            Json.send(response, 200, list);
            return;
        }
        Submission s = owned(account, path[0]);
        JsonObject full = summary(s);
        full.add("data", SubmissionJson.toJson(s.data()));
        JsonArray attempts = new JsonArray();
        for (DeliveryAttempt a : submissions.attempts(s.id())) {
            JsonObject attempt = new JsonObject();
            attempt.addProperty("started", Instant.ofEpochMilli(a.startedMs()).toString());
            attempt.addProperty("finished", Instant.ofEpochMilli(a.finishedMs()).toString());
            attempt.addProperty("outcome", a.outcome());
            attempt.addProperty("message", a.message());
            attempts.add(attempt);
        }
        full.add("attempts", attempts);
        Json.send(response, 200, full);
    }

    @Override
    protected void post(HttpServletRequest request, HttpServletResponse response) throws Exception {
        long account = AdminAuthFilter.accountOf(request);
        String[] path = segments(request);
        if (path.length == 1 && path[0].equals("retry-failed")) {
            retryFailed(request, response, account);
            return;
        }
        if (path.length != 2 || !path[1].equals("retry")) {
            throw HttpProblem.notFound("Endpoint");
        }
        Json.noBody(request);
        Submission s = owned(account, path[0]);
        if (s.erased()) {
            throw new HttpProblem(409, "Submission " + s.id() + " was erased; there is nothing left to deliver");
        }
        long now = System.currentTimeMillis();
        if (!jobs.retry(s.id(), now, now + giveUpAfter.toMillis())) {
            throw new HttpProblem(409, "Submission " + s.id() + " is delivered already or being delivered right now");
        }
        onRetry.run();
        Json.send(response, 202, summary(submissions.find(s.id()).orElseThrow()));
    }

    private void retryFailed(HttpServletRequest request, HttpServletResponse response, long account)
            throws Exception {
        KnownKeys.checkParameters(request, "form");
        Json.noBody(request);
        String form = request.getParameter("form");
        if (form == null || form.isBlank()) {
            throw HttpProblem.badRequest("form is required: the key of the form whose failed submissions to retry");
        }
        int retried = failedRetries.retryAll(account, form);
        if (retried < 0) {
            throw HttpProblem.notFound("Form '" + form + "'");
        }
        JsonObject out = new JsonObject();
        out.addProperty("retried", retried);
        Json.send(response, 202, out);
    }

    private Submission owned(long account, String id) throws Exception {
        return submissions.find(id).filter(s -> s.accountId() == account)
                .orElseThrow(() -> HttpProblem.notFound("Submission '" + id + "'"));
    }

    private static JsonObject summary(Submission s) {
        JsonObject json = new JsonObject();
        json.addProperty("id", s.id());
        json.addProperty("form", s.formKey());
        json.addProperty("formVersion", s.formVersion());
        json.addProperty("status", s.status().jsonName());
        json.add("records", s.records());
        json.addProperty("error", s.lastError());
        json.addProperty("created", Instant.ofEpochMilli(s.createdMs()).toString());
        json.addProperty("updated", Instant.ofEpochMilli(s.updatedMs()).toString());
        return json;
    }

    private static int limit(String raw) {
        if (raw == null) {
            return 100;
        }
        try {
            int limit = Integer.parseInt(raw);
            if (limit < 1 || limit > 1000) {
                throw HttpProblem.badRequest("limit must be between 1 and 1000");
            }
            return limit;
        } catch (NumberFormatException e) {
            throw HttpProblem.badRequest("limit must be a whole number");
        }
    }
}
