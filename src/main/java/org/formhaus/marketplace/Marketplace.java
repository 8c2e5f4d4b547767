package org.formhaus.marketplace;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.formhaus.onoffice.OnOfficeConnector;
import org.formhaus.render.Templates;
import org.formhaus.storage.MarketplaceStore;

/** Builds the marketplace activation servlet from its parts; the app's wiring needs nothing else from here. */
public final class Marketplace {

    private Marketplace() {
    }

    /**
     * @param stateKey    key that signs the page's state between GET and POST (an instance secret)
     * @param apiUrl      onOffice's API endpoint for the unlock call, asked per activation
     * @param stateLifetime how long the activation page may stay open before unlocking
     */
    public static MarketplaceServlet servlet(Templates templates, MarketplaceServlet.Settings settings, String stateKey,
                                             Duration stateLifetime, OnOfficeConnector onOffice,
                                             Supplier<String> apiUrl, MarketplaceStore store) {
        Clock clock = Clock.systemUTC();
        return new MarketplaceServlet(templates, settings, new ActivationState(stateKey, stateLifetime, clock),
                new ProviderUnlock(onOffice, apiUrl, store), clock);
    }
}
