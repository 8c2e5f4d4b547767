package org.formhaus.testing;

import java.sql.SQLException;
import org.formhaus.storage.Account;
import org.formhaus.storage.AccountStore;
import org.formhaus.storage.Database;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A migrated in-memory H2 in MariaDB mode (the quick start's database engine) behind the real {@link Database}
 * (sealing secrets with the tests' master key, as {@link TestDatabase#open()} does), for
 * unit tests of the stores: opened before the first test of the class that registers it, closed after the last.
 * No server, no Jetty; tests share it, so each uses keys and accounts of its own.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final H2Database h2 = new H2Database();
 * FormStore forms = new FormStore(h2.db(), Duration.ZERO);
 * }</pre>
 */
public final class H2Database implements BeforeAllCallback, AfterAllCallback {

    private TestDatabase testDb;
    private Database db;

    @Override
    public void beforeAll(ExtensionContext context) {
        testDb = TestDatabase.h2();
        db = testDb.open();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        db.close();
        testDb.close();
    }

    public Database db() {
        return db;
    }

    /** A new account named {@code name}. */
    public Account account(String name) throws SQLException {
        AccountStore accounts = new AccountStore(db);
        return db.inTransaction(c -> accounts.create(c, name));
    }
}
