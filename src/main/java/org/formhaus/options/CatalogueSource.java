package org.formhaus.options;

import java.util.Optional;

/** Loads an account's options catalogue from onOffice; may take as long as onOffice does. */
@FunctionalInterface
public interface CatalogueSource {

    /**
     * @param fresh true: ask onOffice now; false: a copy loaded moments ago (e.g. by the mapping check of a form being
     *              saved) will do
     * @return empty when the account has no onOffice connection
     */
    Optional<OptionsCatalogue> load(long accountId, boolean fresh) throws Exception;
}
