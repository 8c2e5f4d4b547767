package org.formhaus;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServlet;
import java.util.List;
import org.formhaus.admin.AdminEndpoints;
import org.formhaus.admin.Endpoint;
import org.formhaus.storage.Role;
import org.junit.jupiter.api.Test;

/** The routes table refuses an admin servlet that does not say who may call it (issue 13). */
class RoutesTest {

    static final class Undeclared extends HttpServlet {
    }

    static final class Declared extends HttpServlet implements AdminEndpoints {
        @Override
        public List<Endpoint> endpoints() {
            return List.of(Endpoint.of("GET", "/admin/reports", Role.VIEWER));
        }
    }

    @Test
    void anAdminServletWithoutDeclaredEndpointsCannotBeAdded() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new Routes().servlet("/admin/reports", new Undeclared()));
        assertTrue(refused.getMessage().contains("/admin/reports") && refused.getMessage().contains("AdminEndpoints"),
                refused.getMessage());
        assertThrows(IllegalStateException.class,
                () -> new Routes().servlet("/public", new Undeclared(), "/admin/api/reports/*"));
    }

    @Test
    void declaredEndpointsAreListedAndServletsOutsideAdminNeedNone() {
        Routes routes = assertDoesNotThrow(() -> new Routes().servlet("/healthz", new Undeclared())
                .servlet("/admin/reports", new Declared()));
        assertTrue(routes.adminEndpoints().toString().contains("GET /admin/reports (viewer)"),
                routes.adminEndpoints().toString());
    }

    @Test
    void anEndpointPatternMatchesOneSegmentPerPlaceholder() {
        Endpoint endpoint = Endpoint.of("PUT", "/admin/api/forms/{form}", Role.EDITOR);
        assertTrue(endpoint.matchesPath("/admin/api/forms/kontakt"));
        assertTrue(!endpoint.matchesPath("/admin/api/forms") && !endpoint.matchesPath("/admin/api/forms/")
                && !endpoint.matchesPath("/admin/api/forms/kontakt/x"));
        assertTrue(Role.OWNER.covers(Role.EDITOR) && Role.EDITOR.covers(Role.EDITOR) && !Role.VIEWER.covers(Role.EDITOR));
    }
}
