package org.formhaus.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.util.UUID;
import org.formhaus.storage.StorageException;

/**
 * Base of every JSON endpoint. Subclasses override {@link #get}, {@link #post}, {@link #put} or {@link #delete};
 * this class turns {@link HttpProblem} into its status and message, a database failure into 503 and anything else
 * into 500 with a reference to the log line: never a stack trace.
 */
public abstract class JsonServlet extends HttpServlet {

    private static final System.Logger LOG = System.getLogger(JsonServlet.class.getName());

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
        } catch (HttpProblem problem) {
            if (problem.body() != null) {
                Json.send(response, problem.status(), problem.body());
            } else {
                Json.error(response, problem.status(), problem.getMessage());
            }
        } catch (SQLException | StorageException e) {
            Json.error(response, 503, "Storage unavailable, please try again (ref " + logged(request, e) + ")");
        } catch (Exception e) {
            Json.error(response, 500, "Internal error (ref " + logged(request, e) + ")");
        }
    }

    private static String logged(HttpServletRequest request, Exception e) {
        String ref = UUID.randomUUID().toString().substring(0, 8);
        LOG.log(Level.ERROR, "Failure [" + ref + "] on " + request.getMethod() + " " + request.getRequestURI(), e);
        return ref;
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
