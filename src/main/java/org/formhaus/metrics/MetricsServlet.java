package org.formhaus.metrics;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code GET /metrics}: the Prometheus text of {@link FormhausMetrics}. With a {@code metrics.token} configured, only
 * for {@code Authorization: Bearer <token>} (compared in constant time); otherwise open, as the figures hold no
 * personal data nor secrets. Thread-safe.
 */
public final class MetricsServlet extends HttpServlet {

    /** Prometheus's text exposition format. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final FormhausMetrics metrics;
    private final byte[] token;

    /** @param token {@code metrics.token}; empty: no token needed */
    public MetricsServlet(FormhausMetrics metrics, String token) {
        this.metrics = metrics;
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!authorized(request.getHeader("Authorization"))) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"metrics\"");
            response.setStatus(401);
            response.setContentType("text/plain; charset=utf-8");
            response.getWriter().write("The metrics need Authorization: Bearer <metrics.token>\n");
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(CONTENT_TYPE);
        response.getOutputStream().write(metrics.scrape().getBytes(StandardCharsets.UTF_8));
    }

    private boolean authorized(String header) {
        if (token.length == 0) {
            return true;
        }
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(header.substring(7).strip().getBytes(StandardCharsets.UTF_8), token);
    }
}
