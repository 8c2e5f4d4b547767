package org.formhaus.logs;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id for the log: the caller's {@code X-Request-Id} (a reverse proxy's, say) when it is 1–64
 * letters, digits or {@code . _ : -}, else a new random one; echoed in the reply's {@code X-Request-Id} and set in
 * the {@link LogContext} while the request runs. Mounted first. Thread-safe.
 */
public final class RequestIdFilter implements Filter {

    public static final String HEADER = "X-Request-Id";
    // Anything else (long, spaces, control characters) could forge or flood log lines: replaced, not trusted.
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String given = ((HttpServletRequest) request).getHeader(HEADER);
        String id = given != null && ACCEPTED.matcher(given).matches() ? given : UUID.randomUUID().toString();
        ((HttpServletResponse) response).setHeader(HEADER, id);
        LogContext.clear();
        try (LogContext.Scope scope = LogContext.put(LogContext.REQUEST_ID, id)) {
            chain.doFilter(request, response);
        } finally {
            LogContext.clear();
        }
    }
}
