package org.formhaus.admin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Optional;
import org.formhaus.storage.AdminUserStore;
import org.formhaus.web.Json;

/**
 * Guards {@code /admin/api/*}: a request carries {@code Authorization: Bearer <API token>}; the token's account is put
 * on the request as {@link #ACCOUNT}. Anything else gets 401 with a JSON message.
 */
public final class AdminAuthFilter extends HttpFilter {

    /** Request attribute holding the authenticated account id (a Long). */
    public static final String ACCOUNT = "formhaus.accountId";

    private final AdminUserStore users;

    public AdminAuthFilter(AdminUserStore users) {
        this.users = users;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() < 8) {
            response.setHeader("WWW-Authenticate", "Bearer");
            Json.error(response, 401, "Authentication required: send 'Authorization: Bearer <API token>'");
            return;
        }
        Optional<Long> account;
        try {
            account = users.accountOfToken(Secrets.tokenHash(header.substring(7).strip()));
        } catch (SQLException e) {
            Json.error(response, 503, "Storage unavailable, please try again");
            return;
        }
        if (account.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            Json.error(response, 401, "Invalid API token");
            return;
        }
        request.setAttribute(ACCOUNT, account.get());
        chain.doFilter(request, response);
    }

    static long accountOf(HttpServletRequest request) {
        return (Long) request.getAttribute(ACCOUNT);
    }
}
