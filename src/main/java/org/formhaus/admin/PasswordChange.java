package org.formhaus.admin;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.formhaus.audit.SecurityEventKind;
import org.formhaus.audit.SecurityLog;
import org.formhaus.passwords.PasswordHasher;
import org.formhaus.passwords.PasswordRules;
import org.formhaus.storage.AdminUser;
import org.formhaus.storage.AdminUserStore;

/**
 * A user changing their own password: the current one must be given (and wrong guesses count against the sign-in
 * throttle, so a stolen session cannot be used to find it), the new one must pass {@link PasswordRules}. A change
 * ends all of the user's sessions (the caller keeps its own one going) and is a security event. One place for the
 * admin API and the admin UI. Thread-safe; one per application.
 */
public final class PasswordChange {

    /** The JSON / form field names. */
    public static final String CURRENT = "currentPassword";
    public static final String NEW = "newPassword";

    private final AdminUserStore users;
    private final PasswordCheck check;
    private final LoginThrottle throttle;
    private final SecurityLog log;

    public PasswordChange(AdminUserStore users, PasswordCheck check, LoginThrottle throttle, SecurityLog log) {
        this.users = users;
        this.check = check;
        this.throttle = throttle;
        this.log = log;
    }

    /**
     * Why the change was refused: {@code field} names the input, {@code code} is {@code wrong}, {@code throttled}
     * or a {@link org.formhaus.passwords.PasswordProblem} name, {@code message} says it in English.
     */
    public record Refusal(String field, String code, String message, Duration retryAfter) {
    }

    /**
     * Changes {@code user}'s password from {@code current} to {@code next}.
     *
     * @param address the client's address, for the throttle
     * @param via     how the change was made, for the security event ("admin UI", "admin API (token ...)")
     * @return a refusal, or the user's new session generation (for the session that made the change)
     */
    public Result change(AdminUser user, String current, String next, String address, String via)
            throws SQLException {
        var problem = PasswordRules.STANDARD.problem(next == null ? "" : next, user.email());
        if (problem.isPresent()) {
            return Result.refused(new Refusal(NEW, problem.get().name(), NEW + ": " + problem.get().message(),
                    Duration.ZERO));
        }
        LoginThrottle.Attempt attempt = throttle.begin(user.email(), address);
        if (!attempt.allowed()) {
            if (attempt.firstRefusal()) {
                log.record(user.accountId(), user.id(), SecurityEventKind.SIGN_IN_THROTTLED, "password change");
            }
            return Result.refused(new Refusal(CURRENT, "throttled", "Too many wrong passwords; try again in "
                    + Math.max(1, attempt.retryAfter().toMinutes()) + " minutes", attempt.retryAfter()));
        }
        if (!check.verify(Optional.of(user), current)) {
            log.record(user.accountId(), user.id(), SecurityEventKind.SIGN_IN_FAILED,
                    "wrong current password at password change");
            return Result.refused(new Refusal(CURRENT, "wrong", CURRENT + ": is not your current password",
                    Duration.ZERO));
        }
        attempt.succeeded();
        int generation = users.changePassword(user.id(), PasswordHasher.OWASP.hash(next));
        log.record(user.accountId(), user.id(), SecurityEventKind.PASSWORD_CHANGED, "by the user, " + via
                + "; every other session ended");
        return new Result(Optional.empty(), generation);
    }

    /** A change's outcome: a refusal, or the user's new session generation. */
    public record Result(Optional<Refusal> refusal, int generation) {
        static Result refused(Refusal refusal) {
            return new Result(Optional.of(refusal), -1);
        }
    }
}
