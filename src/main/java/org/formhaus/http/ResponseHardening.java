package org.formhaus.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The one filter in front of every URL (public forms, static files, admin, Marketplace, sandbox): refuses
 * {@code TRACE} (and {@code TRACK}) with 405, since an echo of the request would hand its cookies and
 * authorization headers to a script that can send one, and gives every response the headers that harden it in a
 * browser, before anything else runs:
 * <ul>
 * <li>{@code X-Content-Type-Options: nosniff}: a browser takes the declared content type, never guesses one;</li>
 * <li>{@code Referrer-Policy: strict-origin-when-cross-origin}: other sites learn at most Formhaus's origin;</li>
 * <li>{@code Content-Security-Policy}: {@link #SCRIPTS} (scripts only from Formhaus itself, never inline, no
 *     plugins, no {@code <base>}) and {@code frame-ancestors 'none'}.</li>
 * </ul>
 * A servlet may set stricter or its own values afterwards: the admin UI and the Marketplace pages set their whole
 * policy; a form page replaces {@code frame-ancestors} with its account's allowed sites and keeps {@link #SCRIPTS} as
 * a second policy. Mounted right after {@link ErrorReplyFilter}, which answers its refusal. Stateless and
 * thread-safe.
 */
public final class ResponseHardening implements Filter {

    /** Where scripts may come from, for every page: Formhaus's own origin only. */
    public static final String SCRIPTS = "script-src 'self'; object-src 'none'; base-uri 'none'";

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("Content-Security-Policy", SCRIPTS + "; frame-ancestors 'none'");
        String method = request.getMethod();
        if (method.equals("TRACE") || method.equals("TRACK")) {
            response.setHeader("Allow", "GET, HEAD, POST, PUT, DELETE, OPTIONS");
            throw new HttpProblem(405, "Method " + method + " not allowed"); // answered by ErrorReplyFilter
        }
        chain.doFilter(request, response);
    }
}
