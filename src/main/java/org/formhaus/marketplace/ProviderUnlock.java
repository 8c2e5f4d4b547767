package org.formhaus.marketplace;

import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.formhaus.audit.SecurityEventKind;
import org.formhaus.audit.SecurityLog;
import org.formhaus.onoffice.ActionResult;
import org.formhaus.onoffice.Actions;
import org.formhaus.onoffice.OnOfficeConnector;
import org.formhaus.onoffice.OnOfficeCredentials;
import org.formhaus.onoffice.OnOfficeException;
import org.formhaus.onoffice.RetryMode;
import org.formhaus.storage.MarketplaceStore;

/**
 * Completes an activation: calls DO {@code unlockProvider} as the marketplace API user (token from the activation
 * URL, HMAC key = the API key the customer pasted), and on success stores both as the customer's account's onOffice
 * credentials together with the user's claim. Thread-safe; one per application.
 */
final class ProviderUnlock {

    private static final System.Logger LOG = System.getLogger(ProviderUnlock.class.getName());

    private final OnOfficeConnector onOffice;
    private final Supplier<String> apiUrl;
    private final MarketplaceStore store;

    private final SecurityLog log;

    ProviderUnlock(OnOfficeConnector onOffice, Supplier<String> apiUrl, MarketplaceStore store, SecurityLog log) {
        this.onOffice = onOffice;
        this.apiUrl = apiUrl;
        this.store = store;
        this.log = log;
    }

    /** @return the id of the account created or updated */
    long unlock(Activation activation, String apiKey) throws ActivationException, SQLException {
        OnOfficeCredentials credentials = new OnOfficeCredentials(apiUrl.get(), activation.apiToken(), apiKey);
        try {
            // No automatic retry: the unlock is a one-time DO whose repetition we leave to the customer's click.
            ActionResult result = onOffice.clientFor(credentials, RetryMode.NONE)
                    .executeOne(Actions.unlockProvider(activation.parameterCacheId(), activation.apiClaim()));
            if (result.records().isEmpty() || !"success".equals(result.records().get(0).get("success"))) {
                throw new ActivationException(502, "onOffice did not confirm the activation. Please try again.");
            }
        } catch (OnOfficeException e) {
            LOG.log(Level.INFO, "Marketplace unlock refused for " + activation + ": " + e.reason() + " " + e.getMessage());
            throw refused(e);
        }
        long account = store.activate(activation.customerWebId(), activation.customerName(), credentials,
                activation.userId(), activation.apiClaim());
        log.record(account, null, SecurityEventKind.ONOFFICE_SETTINGS_CHANGED,
                "changed: url, token, secret, by an onOffice Marketplace activation");
        return account;
    }

    private static ActivationException refused(OnOfficeException e) {
        return switch (e.reason()) {
            case HMAC_INVALID -> new ActivationException(422, "The API key was not accepted by onOffice. Copy the API "
                    + "key shown in onOffice into the field and try again.");
            case NOT_AUTHENTICATED, CUSTOMER_UNKNOWN -> new ActivationException(422, "onOffice did not recognise this "
                    + "activation. Please start it again from the onOffice Marketplace.");
            case TRANSPORT, TIMEOUT, SERVER_ERROR, RATE_LIMITED -> new ActivationException(502, "onOffice could not be "
                    + "reached. Please try again in a minute.");
            default -> new ActivationException(422, "onOffice refused the activation: "
                    + (e.onOfficeMessage() == null ? e.reason().name() : e.onOfficeMessage()));
        };
    }
}
