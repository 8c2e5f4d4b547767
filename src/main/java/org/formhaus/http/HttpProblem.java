package org.formhaus.http;

import com.google.gson.JsonElement;

/**
 * A request that cannot be served, with the status and a message fit for the client; thrown by servlets and turned
 * into a reply by {@link ErrorReplies}. The message must never carry secrets or internals. Immutable; no stack trace
 * (it is an answer, not a bug).
 */
public class HttpProblem extends RuntimeException {

    private final int status;
    private final JsonElement body;

    public HttpProblem(int status, String message) {
        this(status, message, null);
    }

    /** With {@code body}: the reply's exact JSON, where a caller's contract wants another shape than {"error": ...}. */
    public HttpProblem(int status, String message, JsonElement body) {
        super(message, null, false, false);
        this.status = status;
        this.body = body;
    }

    public JsonElement body() {
        return body;
    }

    public int status() {
        return status;
    }

    public static HttpProblem notFound(String what) {
        return new HttpProblem(404, what + " not found");
    }

    public static HttpProblem badRequest(String message) {
        return new HttpProblem(400, message);
    }

    @Override
    public String toString() {
        return status + " " + getMessage();
    }
}
