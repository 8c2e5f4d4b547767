package org.formhaus.admin;

import java.util.Objects;
import org.formhaus.storage.Role;

/**
 * One admin URL and method, and who may call it: anyone ({@link #open}, such as the sign-in form) or a member of the
 * current account with at least {@code role}. A {@code pattern} is a path below the context, with {@code {name}} for
 * one path segment of any value: {@code /admin/api/forms/{form}}. The {@link AccessGuard} lets through only
 * requests that match a declared endpoint, so an admin page or API nobody declared answers 404.
 *
 * <pre>{@code
 * Endpoint.of("GET", "/admin/api/forms/{form}", Role.VIEWER)
 * Endpoint.of("PUT", "/admin/api/forms/{form}", Role.EDITOR)
 * }</pre>
 *
 * @param role the least role needed; null for an open endpoint
 */
public record Endpoint(String method, String pattern, Role role) {

    public Endpoint {
        Objects.requireNonNull(method, "method");
        if (!pattern.startsWith("/admin")) {
            throw new IllegalArgumentException("An admin endpoint's pattern starts with /admin: " + pattern);
        }
    }

    public static Endpoint of(String method, String pattern, Role role) {
        return new Endpoint(method, pattern, Objects.requireNonNull(role, "role"));
    }

    /** Callable without signing in (the sign-in form itself, an invitation link). */
    public static Endpoint open(String method, String pattern) {
        return new Endpoint(method, pattern, null);
    }

    public boolean isOpen() {
        return role == null;
    }

    /** Whether {@code path} (below the context, without query) is this endpoint's pattern with values filled in. */
    public boolean matchesPath(String path) {
        String[] want = pattern.split("/", -1);
        String[] have = path.split("/", -1);
        if (want.length != have.length) {
            return false;
        }
        for (int i = 0; i < want.length; i++) {
            boolean placeholder = want[i].startsWith("{") && want[i].endsWith("}");
            if (placeholder ? have[i].isEmpty() : !want[i].equals(have[i])) {
                return false;
            }
        }
        return true;
    }

    /** Whether a request with {@code method} is one of this endpoint's (HEAD counts as GET). */
    public boolean matchesMethod(String requestMethod) {
        return method.equals(requestMethod) || (requestMethod.equals("HEAD") && method.equals("GET"));
    }

    @Override
    public String toString() {
        return method + " " + pattern + " (" + (isOpen() ? "open" : role.jsonName()) + ")";
    }
}
