package org.formhaus.mail;

import org.formhaus.delivery.ClientFactory;
import org.formhaus.onoffice.OnOfficeException;
import org.formhaus.onoffice.OnOfficeMetadata;
import org.formhaus.onoffice.OnOfficeUser;
import org.formhaus.storage.Account;

/**
 * An onOffice user's e-mail address from the account's user list, for notices to the responsible agent. The list
 * comes from {@link OnOfficeMetadata}, so it is read from onOffice at most once per cache period. Runs in delivery,
 * never in a visitor's request. Thread-safe; one per application.
 */
public final class AgentEmails implements FormMailPlanner.UserEmails {

    private final OnOfficeMetadata metadata;
    private final ClientFactory clients;

    public AgentEmails(OnOfficeMetadata metadata, ClientFactory clients) {
        this.metadata = metadata;
        this.clients = clients;
    }

    /** @return the address, or null when onOffice knows no such user or the user has none */
    @Override
    public String emailOf(Account account, String username) throws OnOfficeException {
        return metadata.get("account-" + account.id(), clients.clientFor(account.onOffice()))
                .userByName(username).map(OnOfficeUser::email).orElse(null);
    }
}
