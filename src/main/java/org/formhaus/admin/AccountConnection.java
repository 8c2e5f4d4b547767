package org.formhaus.admin;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.formhaus.connection.NeededRights;
import org.formhaus.onoffice.ApiRight;
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
import org.formhaus.storage.SubmissionStore;
import org.formhaus.connection.KnownRecords;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.formhaus.http.HttpProblem;

/**
 * Runs the onOffice connection check for an account: its credentials, the rights its forms need (derived from the
 * forms' kinds and {@code maps} modules) and its sender mailboxes. Thread-safe; one per application.
 */
public final class AccountConnection {

    private final AccountStore accounts;
    private final FormStore forms;
    private final OnOfficeConnector onOffice;
    private final SubmissionStore submissions;
    /** How many recent submissions' records are looked at for records known to exist. */
    private static final int KNOWN_SUBMISSIONS = 50;
    /** The last check per account, for warnings when a form is saved; a check replaces it. */
    private final Map<Long, ConnectionReport> lastReports = new ConcurrentHashMap<>();

    public AccountConnection(AccountStore accounts, FormStore forms, OnOfficeConnector onOffice) {
        this(accounts, forms, onOffice, null);
    }

    /** @param submissions where the records the account's deliveries created are read from; null: none known */
    public AccountConnection(AccountStore accounts, FormStore forms, OnOfficeConnector onOffice,
                             SubmissionStore submissions) {
        this.accounts = accounts;
        this.forms = forms;
        this.onOffice = onOffice;
        this.submissions = submissions;
    }

    /** @throws HttpProblem 409 when the account has no onOffice token and secret yet */
    public ConnectionReport check(long accountId) throws SQLException {
        Account account = connected(accountId);
        List<FormDefinition> definitions = forms.list(accountId).stream().map(StoredForm::definition).toList();
        boolean sendsEmail = !account.senders().isEmpty();
        // A check is one request whose write probes are built to fail: retrying it is harmless.
        ConnectionReport report = new ConnectionCheck(onOffice.clientFor(account.onOffice(), RetryMode.AUTOMATIC))
                .run(account.senders(), FormFeatures.of(definitions, sendsEmail), known(accountId));
        ConnectionReport judged = report.withForms(needs(definitions, sendsEmail));
        lastReports.put(accountId, judged);
        return judged;
    }

    /**
     * What the account's recent deliveries recorded as created in onOffice: records known to exist, so that the
     * check tells a missing read right (onOffice answers no records) from an account without such records.
     */
    private KnownRecords known(long accountId) throws SQLException {
        if (submissions == null) return KnownRecords.NONE;
        Map<String, List<String>> ids = new LinkedHashMap<>();
        List<String> logged = new java.util.ArrayList<>();
        for (JsonObject r : submissions.recentRecords(accountId, KNOWN_SUBMISSIONS)) {
            for (String key : List.of("address", "estate", "task", "calendar", "searchcriteria")) {
                JsonElement id = r.get(key);
                if (id != null && id.isJsonPrimitive()) ids.computeIfAbsent(key, k -> new java.util.ArrayList<>())
                        .add(id.getAsString());
            }
            if (r.has("agentslog") && r.get("address") != null && r.get("address").isJsonPrimitive()) {
                logged.add(r.get("address").getAsString());
            }
        }
        return new KnownRecords(ids.get("address"), ids.get("estate"), logged, ids.get("task"), ids.get("calendar"),
                ids.get("searchcriteria"));
    }

    /** Each form's key → its title and the rights it needs (from its kind and what it maps and does). */
    static Map<String, Map.Entry<String, Set<ApiRight>>> needs(List<FormDefinition> definitions, boolean sendsEmail) {
        Map<String, Map.Entry<String, Set<ApiRight>>> out = new LinkedHashMap<>();
        for (FormDefinition d : definitions) {
            out.put(d.key(), Map.entry(d.title() == null ? d.key() : d.title(),
                    NeededRights.of(FormFeatures.of(d, sendsEmail))));
        }
        return out;
    }

    /**
     * What the last connection check of the account says about {@code form} once saved: one sentence per right the
     * form needs that the check found missing ("Form 'x' needs "Right", which is missing."). Empty when the form
     * needs nothing missing or no check ran since this server started (no onOffice request is made on save).
     */
    public List<String> warningsFor(long accountId, FormDefinition form) throws SQLException {
        ConnectionReport last = lastReports.get(accountId);
        if (last == null || !last.credentials().ok()) return List.of();
        Account account = accounts.find(accountId).orElse(null);
        boolean sendsEmail = account != null && !account.senders().isEmpty();
        return last.withForms(needs(List.of(form), sendsEmail)).forms().get(0).messages();
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
