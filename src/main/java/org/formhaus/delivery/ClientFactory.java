package org.formhaus.delivery;

import org.formhaus.onoffice.OnOfficeClient;
import org.formhaus.onoffice.OnOfficeCredentials;

/** Gives the onOffice client for an account's credentials. */
@FunctionalInterface
public interface ClientFactory {
    OnOfficeClient clientFor(OnOfficeCredentials credentials);
}
