package org.formhaus.marketplace;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.formhaus.admin.AdminSession;
import org.formhaus.admin.PasswordCheck;
import org.formhaus.audit.SecurityLog;
import org.formhaus.onoffice.OnOfficeConnector;
import org.formhaus.render.Templates;
import org.formhaus.storage.AdminUserStore;
import org.formhaus.storage.MarketplaceStore;

/** Builds the marketplace servlets from their parts; the app's wiring needs nothing else from here. */
public final class Marketplace {

    private Marketplace() {
    }

    /**
     * The activation: {@code /marketplace/activate} and {@code /marketplace/unlock}.
     *
     * @param stateKey    key that signs the page's state between GET and POST (an instance secret)
     * @param apiUrl      onOffice's API endpoint for the unlock call, asked per activation
     * @param stateLifetime how long the activation page may stay open before unlocking
     */
    public static MarketplaceServlet servlet(Templates templates, MarketplaceServlet.Settings settings, String stateKey,
                                             Duration stateLifetime, OnOfficeConnector onOffice,
                                             Supplier<String> apiUrl, MarketplaceStore store, SecurityLog log) {
        Clock clock = Clock.systemUTC();
        return new MarketplaceServlet(templates, settings, links(settings, clock),
                new ActivationState(stateKey, stateLifetime, clock), new ProviderUnlock(onOffice, apiUrl, store, log));
    }

    /**
     * Opening Formhaus from inside onOffice: {@code /marketplace/open} and {@code /marketplace/login}.
     *
     * @param loginLifetime how long the "create your login" page may stay open
     */
    public static ServiceCallServlet serviceCalls(Templates templates, MarketplaceServlet.Settings settings,
                                                  Duration loginLifetime, MarketplaceStore store,
                                                  AdminUserStore users, AdminSession sessions,
                                                  PasswordCheck passwords, SecurityLog log) {
        Clock clock = Clock.systemUTC();
        return new ServiceCallServlet(new MarketplacePages(templates, settings.frameAncestors()),
                links(settings, clock), store, users, new ServiceCallServlet.Logins(sessions, passwords, log),
                loginLifetime, clock);
    }

    private static SignedLink links(MarketplaceServlet.Settings settings, Clock clock) {
        return new SignedLink(settings.providerSecret(), settings.publicUrl(), settings.timestampWindow(), clock);
    }
}
