package org.formhaus.admin.ui;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.formhaus.admin.AdminSession;
import org.formhaus.render.Templates;
import org.formhaus.http.ErrorReplies;
import org.formhaus.http.HttpProblem;

/**
 * Base of the admin UI's HTML pages. Every failure is shown as the error page with the status and message
 * {@link ErrorReplies} gives it (an {@link HttpProblem} as it is, a database failure 503, anything else 500 with a
 * reference to the log line, never a stack trace), worded in the page's language. Every POST must carry the session's CSRF token in the
 * {@value AdminSession#CSRF_FIELD} field. Pages are never cached and never framed.
 */
abstract class PageServlet extends HttpServlet {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    protected final Templates templates;

    PageServlet(Templates templates) {
        this.templates = templates;
    }

    /** One request to a page: what was asked, where to answer, and in which language. */
    record Page(HttpServletRequest request, HttpServletResponse response, UiText text) {
        String path(String path) {
            return request.getContextPath() + path;
        }
    }

    @Override
    protected final void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Page page = new Page(request, response, UiText.choose(request, response));
        try {
            switch (request.getMethod()) {
                case "GET", "HEAD" -> get(page);
                case "POST" -> {
                    if (!AdminSession.csrfMatches(request, request.getParameter(AdminSession.CSRF_FIELD))) {
                        csrfRefused(page);
                        return;
                    }
                    post(page);
                }
                default -> throw new HttpProblem(405, "Method " + request.getMethod() + " not allowed");
            }
        } catch (Exception e) {
            HttpProblem shown = ErrorReplies.problem(request, e, new ErrorReplies.Wording(
                    page.text().get("error.storage"), page.text().get("error.internal")));
            if (!response.isCommitted()) {
                ErrorReplies.headers(response, shown);
            }
            error(page, shown.status(), shown.getMessage());
        }
    }

    protected void get(Page page) throws Exception {
        throw new HttpProblem(405, "Method GET not allowed");
    }

    protected void post(Page page) throws Exception {
        throw new HttpProblem(405, "Method POST not allowed");
    }

    /** A POST without the session's CSRF token: 403 by default. */
    protected void csrfRefused(Page page) throws IOException {
        error(page, 403, page.text().get("error.csrf"));
    }

    /** Renders {@code template} with the model plus the common values every page uses. */
    protected void render(Page page, int status, String template, Map<String, Object> model) throws IOException {
        Map<String, Object> all = new HashMap<>(model);
        all.put("t", page.text().messages());
        all.put("lang", page.text().lang());
        all.put("ctx", page.request().getContextPath());
        HttpSession session = page.request().getSession(false);
        if (session != null) {
            all.put("csrf", AdminSession.csrfToken(session));
        }
        // The signed-in member's role and account (set by the access guard): the navigation shows what they may use.
        if (page.request().getAttribute(org.formhaus.admin.AccessGuard.ROLE) instanceof org.formhaus.storage.Role role) {
            all.put("role", role.jsonName());
            all.put("accountName", page.request().getAttribute(org.formhaus.admin.AccessGuard.ACCOUNT_NAME));
        }
        String html = templates.render(template, all);
        HttpServletResponse response = page.response();
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.getWriter().write(html);
    }

    protected void redirect(Page page, String path) {
        page.response().setStatus(303);
        page.response().setHeader("Location", page.path(path));
    }

    /** To the sign-in form, coming back here afterwards. */
    protected void toLogin(Page page) {
        String uri = page.request().getRequestURI().substring(page.request().getContextPath().length());
        redirect(page, "/admin/login?next=" + java.net.URLEncoder.encode(uri, java.nio.charset.StandardCharsets.UTF_8));
    }

    private void error(Page page, int status, String message) throws IOException {
        if (page.response().isCommitted()) {
            return;
        }
        page.response().resetBuffer();
        render(page, status, "admin/error.ftlh", Map.of("status", status, "message", message));
    }
}
