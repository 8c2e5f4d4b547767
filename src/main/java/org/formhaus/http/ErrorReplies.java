package org.formhaus.http;

import com.google.gson.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.util.UUID;
import org.formhaus.storage.StorageException;

/**
 * The one place that turns a failure into what a client is told: a status and a message fit for them.
 * <ul>
 * <li>an {@link HttpProblem} (a refusal a servlet chose) keeps its status and message;</li>
 * <li>a database failure ({@link SQLException} or {@link StorageException}, also as a cause) becomes 503 with
 * {@code Retry-After} ({@link #headers}): the database blinked, the same request may well succeed in a moment;</li>
 * <li>anything else becomes 500.</li>
 * </ul>
 * The last two are logged with their stack trace under a short reference, and the client gets the wording of its
 * surface plus that reference, never the exception's name, message or trace. Each surface then writes the problem in
 * its own format: JSON ({@link #json}) for APIs, its own HTML page for the others
 * ({@code ErrorReplies.problem(request, e, wording)} and render), a plain page or JSON ({@link #reply}) for whatever
 * escapes a servlet ({@link ErrorReplyFilter}). Stateless and thread-safe.
 *
 * <pre>{@code
 * } catch (Exception e) {
 *     HttpProblem shown = ErrorReplies.problem(request, e, ErrorReplies.Wording.ENGLISH);
 *     renderErrorPage(response, shown.status(), shown.getMessage());
 * }
 * }</pre>
 */
public final class ErrorReplies {

    private static final System.Logger LOG = System.getLogger(ErrorReplies.class.getName());
    /** Seconds a client is asked to wait before repeating a request the database could not serve. */
    public static final int RETRY_AFTER_SECONDS = 3;

    /** What a surface says, in its language, about the two failures a client cannot fix; the reference is added. */
    public record Wording(String storage, String internal) {
        public static final Wording ENGLISH = new Wording("Storage unavailable, please try again", "Internal error");
    }

    private ErrorReplies() {
    }

    /** The problem to show for {@code failure}; unexpected failures are logged here, with a reference. */
    public static HttpProblem problem(HttpServletRequest request, Throwable failure, Wording wording) {
        return problem(request, failure, wording, null);
    }

    /**
     * As {@link #problem(HttpServletRequest, Throwable, Wording)}, with what was being done for the log line (e.g.
     * which submission), since the request's query, which may name it, is never logged.
     */
    public static HttpProblem problem(HttpServletRequest request, Throwable failure, Wording wording, String doing) {
        if (failure instanceof HttpProblem problem) {
            return problem;
        }
        String ref = logged(request, failure, doing);
        return storage(failure)
                ? new HttpProblem(503, wording.storage() + " (ref " + ref + ")")
                : new HttpProblem(500, wording.internal() + " (ref " + ref + ")");
    }

    /**
     * Sets the headers that go with {@code problem}: {@code Retry-After} on a 503 (unless the servlet chose one), and
     * no caching. Every surface calls it before writing a problem in its own format.
     */
    public static void headers(HttpServletResponse response, HttpProblem problem) {
        if (problem.status() == 503 && !response.containsHeader("Retry-After")) {
            response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        }
        if (problem.status() >= 500) {
            response.setHeader("Cache-Control", "no-store");
        }
    }

    /**
     * Answers with the problem for {@code failure} as JSON: {@code {"error": "<message>"}}, or the problem's own body
     * where an API's contract wants another shape. Nothing is written once the response is committed.
     */
    public static void json(HttpServletRequest request, HttpServletResponse response, Throwable failure)
            throws IOException {
        HttpProblem problem = problem(request, failure, Wording.ENGLISH);
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        headers(response, problem);
        if (problem.body() != null) {
            Json.send(response, problem.status(), problem.body());
            return;
        }
        JsonObject body = new JsonObject();
        body.addProperty("error", problem.getMessage());
        Json.send(response, problem.status(), body);
    }

    /**
     * Answers with the problem for {@code failure}: as JSON ({@link #json}) when the client asked for JSON, else as a
     * short HTML page. For a servlet without a page of its own, and for {@link ErrorReplyFilter}.
     */
    public static void reply(HttpServletRequest request, HttpServletResponse response, Throwable failure)
            throws IOException {
        if (Json.wantsJson(request)) {
            json(request, response, failure);
            return;
        }
        HttpProblem problem = problem(request, failure, Wording.ENGLISH);
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        headers(response, problem);
        response.setStatus(problem.status());
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                + problem.status() + "</title></head>\n<body><p>" + Html.escape(problem.getMessage())
                + "</p></body></html>\n");
    }

    private static boolean storage(Throwable failure) {
        int depth = 0;
        // Bounded: a cause chain can be cyclic.
        for (Throwable t = failure; t != null && depth++ < 20; t = t.getCause()) {
            if (t instanceof SQLException || t instanceof StorageException) {
                return true;
            }
        }
        return false;
    }

    /** The query is never logged: it may carry tokens (newsletter links, onOffice's signed calls). */
    private static String logged(HttpServletRequest request, Throwable failure, String doing) {
        String ref = UUID.randomUUID().toString().substring(0, 8);
        LOG.log(Level.ERROR, "Failure [" + ref + "] on " + request.getMethod() + " " + request.getRequestURI()
                + (doing == null ? "" : ": " + doing), failure);
        return ref;
    }
}
