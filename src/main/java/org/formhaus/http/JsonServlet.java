package org.formhaus.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Base of every JSON endpoint. Subclasses override {@link #get}, {@link #post}, {@link #put} or {@link #delete};
 * every failure is answered by {@link ErrorReplies#json}: an {@link HttpProblem} with its status and message, a
 * database failure 503 and anything else 500 with a reference to the log line, never a stack trace. Thread-safe.
 */
public abstract class JsonServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            switch (request.getMethod()) {
                case "GET", "HEAD" -> get(request, response);
                case "POST" -> post(request, response);
                case "PUT" -> put(request, response);
                case "DELETE" -> delete(request, response);
                case "OPTIONS" -> options(request, response);
                default -> throw new HttpProblem(405, "Method " + request.getMethod() + " not allowed");
            }
        } catch (Exception e) {
            ErrorReplies.json(request, response, e);
        }
    }

    protected void get(HttpServletRequest request, HttpServletResponse response) throws Exception {
        throw new HttpProblem(405, "Method GET not allowed");
    }

    protected void post(HttpServletRequest request, HttpServletResponse response) throws Exception {
        throw new HttpProblem(405, "Method POST not allowed");
    }

    protected void put(HttpServletRequest request, HttpServletResponse response) throws Exception {
        throw new HttpProblem(405, "Method PUT not allowed");
    }

    protected void delete(HttpServletRequest request, HttpServletResponse response) throws Exception {
        throw new HttpProblem(405, "Method DELETE not allowed");
    }

    protected void options(HttpServletRequest request, HttpServletResponse response) throws Exception {
        response.setStatus(204);
    }

    /** The path segments after the servlet path: "/forms/kontakt" mapped at "/admin/api/forms/*" → ["kontakt"]. */
    protected static String[] segments(HttpServletRequest request) {
        String info = request.getPathInfo();
        if (info == null || info.equals("/")) {
            return new String[0];
        }
        return info.substring(1).split("/");
    }
}
