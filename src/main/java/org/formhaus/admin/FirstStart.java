package org.formhaus.admin;

import java.io.PrintStream;
import java.sql.SQLException;
import org.formhaus.config.ConfigException;
import org.formhaus.config.FirstAdminConfig;
import org.formhaus.passwords.PasswordHasher;
import org.formhaus.passwords.PasswordRules;
import org.formhaus.storage.Account;
import org.formhaus.storage.AccountStore;
import org.formhaus.storage.AdminUser;
import org.formhaus.storage.AdminUserStore;
import org.formhaus.storage.Database;

/**
 * Creates the first account, its admin and an API token when the database has no admin yet.
 * {@code FORMHAUS_ADMIN_EMAIL}, {@code FORMHAUS_ADMIN_PASSWORD} and {@code FORMHAUS_ADMIN_TOKEN} set them; whatever
 * is not given is generated and printed once, here and never again. A given password must pass
 * {@link PasswordRules}, else Formhaus does not start; the API token belongs to this first admin.
 */
public final class FirstStart {

    private FirstStart() {
    }

    /** @return the account created, or null when an admin existed already */
    public static Account run(Database db, AccountStore accounts, AdminUserStore users, FirstAdminConfig admin,
                              PrintStream console) throws SQLException {
        if (users.count() > 0) {
            return null;
        }
        String email = admin.email();
        boolean generatedPassword = admin.password().isEmpty();
        boolean generatedToken = admin.token().isEmpty();
        String finalPassword = admin.password().orElseGet(() -> Secrets.randomToken(12));
        String finalToken = admin.token().orElseGet(() -> Secrets.randomToken(24));
        PasswordRules.STANDARD.problem(finalPassword, email).ifPresent(problem -> {
            throw new ConfigException("FORMHAUS_ADMIN_PASSWORD " + problem.message());
        });
        Account account = db.inTransaction(c -> {
            Account created = accounts.create(c, "Formhaus");
            AdminUser user = users.create(c, created.id(), email, "Administrator", "",
                    PasswordHasher.OWASP.hash(finalPassword));
            users.addToken(c, created.id(), user.id(), Secrets.tokenHash(finalToken), "first start");
            return created;
        });
        console.println("==================================================================");
        console.println(" Formhaus first start: admin created");
        console.println("   email:     " + email);
        console.println("   password:  " + (generatedPassword ? finalPassword : "(from FORMHAUS_ADMIN_PASSWORD)"));
        console.println("   API token: " + (generatedToken ? finalToken : "(from FORMHAUS_ADMIN_TOKEN)"));
        if (generatedPassword || generatedToken) {
            console.println(" Shown once only: keep them now.");
        }
        console.println("==================================================================");
        return account;
    }
}
