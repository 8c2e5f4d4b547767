package org.formhaus.admin;

import java.sql.SQLException;
import java.util.List;
import org.formhaus.connection.ConnectionCheck;
import org.formhaus.connection.ConnectionReport;
import org.formhaus.connection.TestEmailResult;
import org.formhaus.forms.FormDefinition;
import org.formhaus.onoffice.OnOfficeConnector;
import org.formhaus.onoffice.RetryMode;
import org.formhaus.storage.Account;
import org.formhaus.storage.AccountStore;
import org.formhaus.storage.FormStore;
import org.formhaus.storage.StoredForm;
import org.formhaus.http.HttpProblem;

/**
 * Runs the onOffice connection check for an account: its credentials, the rights its forms need (derived from the
 * forms' kinds and {@code maps} modules) and its sender mailboxes. Thread-safe; one per application.
 */
public final class AccountConnection {

    private final AccountStore accounts;
    private final FormStore forms;
    private final OnOfficeConnector onOffice;

    public AccountConnection(AccountStore accounts, FormStore forms, OnOfficeConnector onOffice) {
        this.accounts = accounts;
        this.forms = forms;
        this.onOffice = onOffice;
    }

    /** @throws HttpProblem 409 when the account has no onOffice token and secret yet */
    public ConnectionReport check(long accountId) throws SQLException {
        Account account = connected(accountId);
        List<FormDefinition> definitions = forms.list(accountId).stream().map(StoredForm::definition).toList();
        // A check is one request whose write probes are built to fail: retrying it is harmless.
        return new ConnectionCheck(onOffice.clientFor(account.onOffice(), RetryMode.AUTOMATIC))
                .run(account.senders(), FormFeatures.of(definitions, !account.senders().isEmpty()));
    }

    /**
     * Sends a test email from one of the account's sender mailboxes to itself.
     *
     * @throws HttpProblem 400 when {@code mailbox} is not a configured sender
     */
    public TestEmailResult sendTestEmail(long accountId, String mailbox) throws SQLException {
        Account account = connected(accountId);
        if (!account.senders().contains(mailbox)) {
            throw HttpProblem.badRequest("mailbox: '" + mailbox + "' is not one of the configured senders "
                    + account.senders());
        }
        // A real mail: never sent twice by an automatic retry.
        return new ConnectionCheck(onOffice.clientFor(account.onOffice(), RetryMode.NONE)).sendTestEmail(mailbox);
    }

    private Account connected(long accountId) throws SQLException {
        Account account = accounts.find(accountId).orElseThrow(() -> HttpProblem.notFound("Account"));
        if (!account.onOffice().complete()) {
            throw new HttpProblem(409, "onOffice token and secret are not set yet: enter them in the onOffice settings");
        }
        return account;
    }
}
