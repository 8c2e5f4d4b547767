package org.formhaus.admin;

import java.io.PrintStream;
import java.sql.SQLException;
import java.util.Map;
import org.formhaus.storage.Account;
import org.formhaus.storage.AccountStore;
import org.formhaus.storage.AdminUserStore;
import org.formhaus.storage.Database;

/**
 * Creates the first account, its admin and an API token when the database has no admin yet.
 * {@code FORMHAUS_ADMIN_EMAIL}, {@code FORMHAUS_ADMIN_PASSWORD} and {@code FORMHAUS_ADMIN_TOKEN} set them; whatever
 * is not given is generated and printed once, here and never again.
 */
public final class FirstStart {

    private FirstStart() {
    }

    /** @return the account created, or null when an admin existed already */
    public static Account run(Database db, AccountStore accounts, AdminUserStore users, Map<String, String> env,
                              PrintStream console) throws SQLException {
        if (users.count() > 0) {
            return null;
        }
        String email = env.getOrDefault("FORMHAUS_ADMIN_EMAIL", "admin@formhaus.local");
        String password = env.get("FORMHAUS_ADMIN_PASSWORD");
        String token = env.get("FORMHAUS_ADMIN_TOKEN");
        boolean generatedPassword = password == null || password.isBlank();
        boolean generatedToken = token == null || token.isBlank();
        String finalPassword = generatedPassword ? Secrets.randomToken(12) : password;
        String finalToken = generatedToken ? Secrets.randomToken(24) : token;
        Account account = db.inTransaction(c -> {
            Account created = accounts.create(c, "Formhaus");
            users.create(c, created.id(), email, "Administrator", "", Secrets.hashPassword(finalPassword));
            users.addToken(c, created.id(), Secrets.tokenHash(finalToken), "first start");
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
