package org.formhaus.admin;

import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Set;
import org.formhaus.connection.ConnectionCheck;
import org.formhaus.connection.ConnectionReport;
import org.formhaus.connection.Feature;
import org.formhaus.forms.Field;
import org.formhaus.forms.FormDefinition;
import org.formhaus.onoffice.OnOfficeConnector;
import org.formhaus.onoffice.RetryMode;
import org.formhaus.storage.Account;
import org.formhaus.storage.AccountStore;
import org.formhaus.storage.FormStore;
import org.formhaus.storage.StoredForm;
import org.formhaus.web.HttpProblem;

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
        Account account = accounts.find(accountId).orElseThrow(() -> HttpProblem.notFound("Account"));
        if (!account.onOffice().complete()) {
            throw new HttpProblem(409, "onOffice token and secret are not set yet: enter them in the onOffice settings");
        }
        Set<Feature> features = EnumSet.noneOf(Feature.class);
        for (StoredForm form : forms.list(accountId)) {
            features.addAll(featuresOf(form.definition()));
        }
        if (!account.senders().isEmpty()) {
            features.add(Feature.EMAIL);
        }
        // A check is one read-only request: retrying it is harmless.
        return new ConnectionCheck(onOffice.clientFor(account.onOffice(), RetryMode.AUTOMATIC))
                .run(account.senders(), features);
    }

    /** What one form uses in onOffice. Every kind writes an address; the rest follows from kind and fields. */
    static Set<Feature> featuresOf(FormDefinition form) {
        Set<Feature> used = EnumSet.of(Feature.ADDRESS, Feature.ACTIVITY, Feature.USERS);
        switch (form.kind()) {
            case INQUIRY -> used.add(Feature.ESTATE_READ);
            case OWNER, VALUATION -> used.add(Feature.ESTATE_WRITE);
            case SEARCHPROFILE -> used.add(Feature.SEARCH_CRITERIA);
            case APPOINTMENT -> used.add(Feature.APPOINTMENT);
            default -> {
            }
        }
        for (Field field : form.fields()) {
            String maps = field.maps();
            if (maps == null) {
                continue;
            }
            switch (maps.substring(0, maps.indexOf('.'))) {
                case "estate" -> used.add(Feature.ESTATE_READ);
                case "searchcriteria" -> used.add(Feature.SEARCH_CRITERIA);
                case "task" -> used.add(Feature.TASK);
                case "calendar" -> used.add(Feature.APPOINTMENT);
                default -> {
                }
            }
        }
        return used;
    }
}
