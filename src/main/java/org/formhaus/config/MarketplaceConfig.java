package org.formhaus.config;

import java.time.Duration;
import java.util.Optional;

/**
 * onOffice Marketplace ({@code marketplace.*}): the provider secret (empty: activation off), the endpoint of the
 * {@code unlockProvider} call (empty: onOffice's stable API, or the simulator in sandbox mode), the allowed clock
 * distance of a signed URL's timestamp, how long activation and login pages stay usable, who may frame them, and
 * the privacy policy link. Immutable; {@link #toString()} hides the secret.
 */
public record MarketplaceConfig(String providerSecret, Optional<String> onOfficeUrl, Duration timestampWindow,
                                Duration stateLifetime, String frameAncestors, String privacyUrl) {

    static MarketplaceConfig read(Keys keys) {
        String url = keys.string("marketplace.onoffice.url");
        return new MarketplaceConfig(keys.string("marketplace.provider.secret"),
                url.isEmpty() ? Optional.empty() : Optional.of(url),
                keys.seconds("marketplace.timestamp.window.seconds", 1, 7 * 24 * 3600),
                keys.minutes("marketplace.state.minutes", 1, 24 * 60), keys.string("marketplace.frame.ancestors"),
                keys.string("marketplace.privacy.url"));
    }

    @Override
    public String toString() {
        return "MarketplaceConfig[providerSecret=***, onOfficeUrl=" + onOfficeUrl + ", timestampWindow="
                + timestampWindow + ", stateLifetime=" + stateLifetime + ", frameAncestors=" + frameAncestors
                + ", privacyUrl=" + privacyUrl + "]";
    }
}
