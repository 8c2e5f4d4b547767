package org.formhaus.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The net under every servlet: a failure a servlet or filter lets escape is answered by {@link ErrorReplies#reply}
 * instead of by the container, whose error page names the exception (Jetty's shows
 * {@code HTTP ERROR 500 java.io.IOException: ...}). A servlet may therefore simply throw an {@link HttpProblem}.
 * Mounted first, on every path. Once a reply is under way (committed) the failure is left to the container, as
 * there is nothing left to answer: typically the client went away. Stateless and thread-safe.
 */
public final class ErrorReplyFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (response.isCommitted()) {
                throw e;
            }
            ErrorReplies.reply(request, response, e);
        }
    }
}
