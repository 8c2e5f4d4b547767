package org.formhaus.storage;

import java.util.List;
import org.formhaus.onoffice.OnOfficeCredentials;

/** An agency: its onOffice connection, the mailboxes it sends from and the sites that may embed its forms. */
public record Account(long id, String name, OnOfficeCredentials onOffice, List<String> senders,
                      List<String> allowedOrigins) {

    public Account {
        senders = List.copyOf(senders);
        allowedOrigins = List.copyOf(allowedOrigins);
    }
}
