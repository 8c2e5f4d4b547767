package org.formhaus.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.formhaus.config.AppConfig;
import org.formhaus.storage.AdminUser;
import org.junit.jupiter.api.Test;

/** The session rules without a container: lifetime, deactivation and password changes, on a hand-moved clock. */
class AdminSessionTest {

    private final LoginThrottleTest.ManualClock clock = new LoginThrottleTest.ManualClock();
    private final AtomicReference<AdminUser> stored = new AtomicReference<>(user(true, 0));
    private final Browser browser = new Browser();

    /** Each user owns the account they were created in, and belongs to no other. */
    private static final AdminSession.Members OWNER_OF_HOME = new AdminSession.Members() {
        @Override
        public Optional<org.formhaus.storage.Role> roleOf(long accountId, long userId) {
            return accountId == 3 ? Optional.of(org.formhaus.storage.Role.OWNER) : Optional.empty();
        }

        @Override
        public Optional<Long> anyAccountOf(long userId) {
            return Optional.of(3L);
        }
    };

    private static AdminUser user(boolean active, int generation) {
        return new AdminUser(7, 3, "anna@agentur.example", "Anna", "", "hash", active, 0, generation);
    }

    private AdminSession sessions(Duration maxLifetime) {
        return new AdminSession(id -> Optional.ofNullable(stored.get()).filter(u -> u.id() == id), OWNER_OF_HOME,
                maxLifetime, clock);
    }

    @Test
    void byDefaultASessionEndsTwelveHoursAfterSigningInHoweverActiveItWas() throws Exception {
        Duration lifetime = AppConfig.of(Map.of()).admin().sessionMaxLifetime();
        assertEquals(Duration.ofHours(12), lifetime);
        AdminSession sessions = sessions(lifetime);
        sessions.signIn(browser.request(), stored.get());
        for (int hour = 0; hour < 12; hour++) {
            assertTrue(sessions.current(browser.request()).isPresent(), "active at hour " + hour);
            clock.now = clock.now.plus(Duration.ofMinutes(59));
        }
        clock.now = clock.now.plus(Duration.ofMinutes(12));
        assertFalse(sessions.current(browser.request()).isPresent(), "12 h after signing in");
        assertTrue(browser.invalidated, "the container's session is ended too");
    }

    @Test
    void aDeactivatedUsersSessionEndsAndStaysEndedWhenTheUserReturns() throws Exception {
        AdminSession sessions = sessions(Duration.ofHours(12));
        sessions.signIn(browser.request(), stored.get());
        stored.set(user(false, 1));
        assertFalse(sessions.current(browser.request()).isPresent());
        stored.set(user(true, 1));
        assertFalse(sessions.current(browser.request()).isPresent(), "reactivation does not revive it");
    }

    @Test
    void aPasswordChangeElsewhereEndsTheSessionButTheChangingSessionGoesOnWithANewId() throws Exception {
        AdminSession sessions = sessions(Duration.ofHours(12));
        Browser other = new Browser();
        sessions.signIn(browser.request(), stored.get());
        sessions.signIn(other.request(), stored.get());
        String before = browser.id;
        stored.set(user(true, 1));
        sessions.keepAfterPasswordChange(browser.request(), 1);
        assertTrue(sessions.current(browser.request()).isPresent());
        assertFalse(before.equals(browser.id), "a new session id after the change");
        assertFalse(sessions.current(other.request()).isPresent());
    }

    /** One browser's container session, as far as AdminSession uses it. */
    static final class Browser {
        private Map<String, Object> attributes;
        private String id = "s0";
        private int ids;
        boolean invalidated;

        HttpServletRequest request() {
            return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "getSession" -> {
                            boolean create = args == null || (Boolean) args[0];
                            if (attributes == null && create) {
                                attributes = new HashMap<>();
                                invalidated = false;
                            }
                            yield attributes == null ? null : session();
                        }
                        case "changeSessionId" -> id = "s" + ++ids;
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        private HttpSession session() {
            return (HttpSession) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpSession.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getAttribute" -> attributes.get((String) args[0]);
                        case "setAttribute" -> attributes.put((String) args[0], args[1]);
                        case "removeAttribute" -> attributes.remove((String) args[0]);
                        case "getId" -> id;
                        case "invalidate" -> {
                            attributes = null;
                            invalidated = true;
                            yield null;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }
}
