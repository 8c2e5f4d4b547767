package org.formhaus.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.formhaus.http.HttpProblem;
import org.formhaus.http.UrlEncoded;
import org.formhaus.statistics.FormTraffic;
import org.formhaus.statistics.Source;

/**
 * In front of {@code /f/*}, for the statistics: counts a view each time a form page is served ({@code GET /f/{key}}
 * answered 200, embedded or not) with the source its query carries, and lets a submission ({@code POST /f/{key}})
 * be counted with the source of the form page it was sent from (the query of its Referer, which stats.js keeps on a
 * re-rendered page). Counting is in memory; the visitor does not wait for the database. Thread-safe.
 */
public final class FormTrafficFilter extends HttpFilter {

    private final FormTraffic traffic;

    public FormTrafficFilter(FormTraffic traffic) {
        this.traffic = traffic;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String key = formKey(request);
        if (key == null) {
            chain.doFilter(request, response);
        } else if (request.getMethod().equals("GET")) {
            chain.doFilter(request, response);
            if (response.getStatus() == 200) {
                traffic.viewed(key, sourceOf(request.getQueryString()));
            }
        } else if (request.getMethod().equals("POST")) {
            try (FormTraffic.Scope scope = FormTraffic.whileSubmitting(sourceOf(refererQuery(request, key)))) {
                chain.doFilter(request, response);
            }
        } else {
            chain.doFilter(request, response);
        }
    }

    /** The form key of {@code /f/{key}} (one segment), else null. */
    private static String formKey(HttpServletRequest request) {
        String info = request.getPathInfo();
        if (info == null || info.length() <= 1 || info.indexOf('/', 1) >= 0) {
            return null;
        }
        return info.substring(1);
    }

    /** The query of the Referer when it is this form's own page, else null (an API client, another site). */
    private static String refererQuery(HttpServletRequest request, String key) {
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return null;
        }
        try {
            URI uri = URI.create(referer);
            return uri.getRawPath() != null && uri.getRawPath().endsWith("/f/" + key) ? uri.getRawQuery() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Source sourceOf(String query) {
        Map<String, List<String>> params;
        try {
            params = UrlEncoded.parse(query, SubmissionReader.MAX_FIELDS);
        } catch (HttpProblem malformed) {
            return Source.UNKNOWN;
        }
        return Source.of(name -> {
            List<String> values = params.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        });
    }
}
