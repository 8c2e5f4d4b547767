package org.formhaus.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.formhaus.http.HttpProblem;

/**
 * Serves the few static files (embed.js, form.css, form.js) from the class path, so the WAR and the standalone server
 * serve them the same way. Files are read once and kept in memory.
 */
public final class StaticServlet extends HttpServlet {

    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript;charset=UTF-8", "css", "text/css;charset=UTF-8");
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath().equals("/embed.js") ? "embed.js" : pathInfo(request);
        String extension = path.substring(path.lastIndexOf('.') + 1);
        byte[] body = path.matches("[a-z0-9-]+\\.(js|css)") ? cache.computeIfAbsent(path, StaticServlet::load) : null;
        if (body == null || body.length == 0) {
            throw HttpProblem.notFound("File");
        }
        response.setContentType(TYPES.get(extension));
        // Short caching: embed.js is referenced by URL from agencies' pages and must pick up fixes soon.
        response.setHeader("Cache-Control", "public, max-age=300");
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static String pathInfo(HttpServletRequest request) {
        String info = request.getPathInfo();
        return info == null ? "" : info.substring(1);
    }

    private static byte[] load(String name) {
        try (InputStream in = StaticServlet.class.getResourceAsStream("/static/" + name)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
