package org.formhaus.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.formhaus.storage.StorageException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link ErrorReplies} over real HTTP: what a client is told about each kind of failure, as JSON (every JSON endpoint
 * extends {@link JsonServlet}), as a page's status and message, and through {@link ErrorReplyFilter} for whatever a
 * servlet lets escape; and that no exception's name or message gets out.
 */
class ErrorRepliesIT {

    private static final String SECRET_DETAIL = "Access denied for user 'formhaus'@'10.0.0.3' (password: YES)";
    private static final String REF = " \\(ref [0-9a-f]{8}\\)";

    private static Server server;
    private static String base;
    private final HttpClient http = HttpClient.newHttpClient();

    /** Throws what its last path segment names. */
    static final class Failing extends JsonServlet {
        @Override
        protected void get(HttpServletRequest request, HttpServletResponse response) throws Exception {
            throw failure(segments(request)[0]);
        }
    }

    /** Shows a failure as a page surface does: status and message from ErrorReplies, in German. */
    static final class Page extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            try {
                throw failure(request.getPathInfo().substring(1));
            } catch (Exception e) {
                HttpProblem shown = ErrorReplies.problem(request, e,
                        new ErrorReplies.Wording("Datenbank nicht erreichbar", "Interner Fehler"));
                response.setStatus(shown.status());
                response.setContentType("text/html;charset=UTF-8");
                response.getWriter().write("<p>" + Html.escape(shown.getMessage()) + "</p>");
            }
        }
    }

    /** A servlet that leaves its failures to whoever is outside: the container, or {@link ErrorReplyFilter}. */
    static final class Careless extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Exception failure = failure(request.getPathInfo().substring(1));
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            throw failure instanceof IOException e ? e : new IOException("wrapped", failure);
        }
    }

    static Exception failure(String kind) {
        return switch (kind) {
            case "problem" -> new HttpProblem(409, "A form with key 'kontakt' exists already");
            case "shaped" -> new HttpProblem(400, "User exists",
                    new JsonPrimitive("User with email a@b.de already exists"));
            case "sql" -> new SQLException(SECRET_DETAIL);
            case "storage" -> new StorageException("Reading admin user 7 failed", new SQLException(SECRET_DETAIL));
            case "wrapped" -> new IOException("storage unavailable", new SQLException(SECRET_DETAIL));
            case "bug" -> new IllegalStateException(SECRET_DETAIL);
            default -> new NullPointerException(SECRET_DETAIL);
        };
    }

    @BeforeAll
    static void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(new Failing()), "/api/*");
        context.addServlet(new ServletHolder(new Page()), "/page/*");
        context.addServlet(new ServletHolder(new Careless()), "/careless/*");
        context.addFilter(ErrorReplyFilter.class, "/*", EnumSet.of(DispatcherType.REQUEST));
        server.setHandler(context);
        server.start();
        base = "http://127.0.0.1:" + connector.getLocalPort();
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> getJson(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String error(HttpResponse<String> reply) {
        assertTrue(reply.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonObject body = JsonParser.parseString(reply.body()).getAsJsonObject();
        assertEquals(1, body.size(), reply.body());
        return body.get("error").getAsString();
    }

    private static void leaksNothing(HttpResponse<String> reply) {
        for (String internal : List.of("Exception", "Access denied", "formhaus'@", "password", "java.", "at org.")) {
            assertFalse(reply.body().contains(internal), () -> internal + " leaked: " + reply.body());
        }
    }

    @Test
    void aProblemAServletChoseKeepsItsStatusAndMessage() throws Exception {
        HttpResponse<String> reply = get("/api/problem");
        assertEquals(409, reply.statusCode());
        assertEquals("A form with key 'kontakt' exists already", error(reply));
    }

    @Test
    void aProblemWithItsOwnShapeIsAnsweredInThatShape() throws Exception {
        HttpResponse<String> reply = get("/api/shaped");
        assertEquals(400, reply.statusCode());
        assertEquals("\"User with email a@b.de already exists\"", reply.body());
    }

    @Test
    void aDatabaseFailureIs503WithAReferenceAndNothingOfTheDatabasesWords() throws Exception {
        for (String kind : List.of("sql", "storage", "wrapped")) {
            HttpResponse<String> reply = get("/api/" + kind);
            assertEquals(503, reply.statusCode(), kind);
            assertEquals("3", reply.headers().firstValue("Retry-After").orElse(""), kind);
            assertTrue(error(reply).matches("Storage unavailable, please try again" + REF), reply.body());
            leaksNothing(reply);
        }
    }

    @Test
    void anythingElseIs500WithAReferenceAndNeverTheExceptionsNameOrMessage() throws Exception {
        for (String kind : List.of("bug", "npe")) {
            HttpResponse<String> reply = get("/api/" + kind);
            assertEquals(500, reply.statusCode(), kind);
            assertTrue(error(reply).matches("Internal error" + REF), reply.body());
            leaksNothing(reply);
        }
    }

    @Test
    void everyFailureGetsItsOwnReference() throws Exception {
        assertFalse(error(get("/api/bug")).equals(error(get("/api/bug"))));
    }

    @Test
    void aPageSurfaceGetsTheSameStatusesInItsOwnWords() throws Exception {
        HttpResponse<String> storage = get("/page/sql");
        assertEquals(503, storage.statusCode());
        assertTrue(storage.body().matches("<p>Datenbank nicht erreichbar" + REF + "</p>"), storage.body());
        leaksNothing(storage);
        HttpResponse<String> bug = get("/page/bug");
        assertEquals(500, bug.statusCode());
        assertTrue(bug.body().matches("<p>Interner Fehler" + REF + "</p>"), bug.body());
        leaksNothing(bug);
        HttpResponse<String> problem = get("/page/problem");
        assertEquals(409, problem.statusCode());
        assertEquals("<p>A form with key &#39;kontakt&#39; exists already</p>", problem.body());
    }

    @Test
    void whatEscapesAServletIsAnsweredByTheFilterNotByTheContainersErrorPage() throws Exception {
        HttpResponse<String> storage = get("/careless/wrapped");
        assertEquals(503, storage.statusCode());
        assertTrue(storage.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(storage.body().contains("<p>Storage unavailable, please try again (ref "), storage.body());
        leaksNothing(storage);
        assertFalse(storage.body().contains("Jetty"), storage.body());
        HttpResponse<String> bug = get("/careless/bug");
        assertEquals(500, bug.statusCode());
        assertTrue(bug.body().contains("<p>Internal error (ref "), bug.body());
        leaksNothing(bug);
    }

    @Test
    void aServletMayThrowAProblemAndAClientAskingForJsonGetsJson() throws Exception {
        HttpResponse<String> page = get("/careless/problem");
        assertEquals(409, page.statusCode());
        assertTrue(page.body().contains("<p>A form with key &#39;kontakt&#39; exists already</p>"), page.body());
        HttpResponse<String> json = getJson("/careless/npe");
        assertEquals(500, json.statusCode());
        assertTrue(error(json).matches("Internal error" + REF), json.body());
        leaksNothing(json);
    }
}
