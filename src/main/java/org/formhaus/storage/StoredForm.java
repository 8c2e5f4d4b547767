package org.formhaus.storage;

import org.formhaus.forms.FormDefinition;

/** A form definition at one version, with the account that owns it. */
public record StoredForm(long accountId, int version, FormDefinition definition) {

    public String key() {
        return definition.key();
    }
}
