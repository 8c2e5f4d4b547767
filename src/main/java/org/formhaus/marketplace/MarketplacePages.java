package org.formhaus.marketplace;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.formhaus.http.ErrorReplies;
import org.formhaus.http.HttpProblem;
import org.formhaus.render.Templates;

/**
 * Writes the Marketplace's pages and plain-text answers with the headers every one of them needs: not cached, no
 * referrer (their URLs carry the customer's token and claim), framed only by onOffice. Immutable and thread-safe.
 */
final class MarketplacePages {

    private final Templates templates;
    private final String frameAncestors;

    MarketplacePages(Templates templates, String frameAncestors) {
        this.templates = templates;
        this.frameAncestors = frameAncestors;
    }

    void page(HttpServletRequest request, HttpServletResponse response, int status, String template,
              Map<String, Object> model) throws IOException {
        Map<String, Object> all = new HashMap<>(model);
        all.put("lang", german(request) ? "de" : "en");
        all.put("ctx", request.getContextPath());
        String html = templates.render(template, all);
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        // The URL carries the customer's token and claim: never pass it on as a referrer.
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; "
                + "form-action 'self'; base-uri 'none'; frame-ancestors " + frameAncestors);
        response.getWriter().write(html);
    }

    /**
     * The error page for {@code failure} as {@link ErrorReplies} words it, titled {@code title} ("activation" or
     * "open").
     */
    void error(HttpServletRequest request, HttpServletResponse response, String title, Exception failure)
            throws IOException {
        HttpProblem shown = ErrorReplies.problem(request, failure, ErrorReplies.Wording.ENGLISH);
        ErrorReplies.headers(response, shown);
        page(request, response, shown.status(), "marketplace/error.ftlh",
                Map.of("message", shown.getMessage(), "title", title));
    }

    /** The plain-text answer for {@code failure} (the unlock POST, read by the page's script). */
    static void textError(HttpServletRequest request, HttpServletResponse response, Exception failure)
            throws IOException {
        HttpProblem shown = ErrorReplies.problem(request, failure, ErrorReplies.Wording.ENGLISH);
        ErrorReplies.headers(response, shown);
        text(response, shown.status(), shown.getMessage());
    }

    static void text(HttpServletResponse response, int status, String body) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(body);
    }

    static boolean german(HttpServletRequest request) {
        String accept = request.getHeader("Accept-Language");
        return accept == null || accept.strip().toLowerCase(Locale.ROOT).startsWith("de");
    }
}
