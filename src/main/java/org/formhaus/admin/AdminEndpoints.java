package org.formhaus.admin;

import java.util.List;

/**
 * Implemented by every servlet mounted under {@code /admin}: the endpoints it answers and the least role each needs.
 * The routes table refuses to mount an admin servlet without it, the {@link AccessGuard} refuses every request that
 * matches none of the declared endpoints (404) or comes from a member whose role is too low (403), and the route
 * fence test calls every declared endpoint as each role and as another account.
 */
@FunctionalInterface
public interface AdminEndpoints {

    List<Endpoint> endpoints();
}
