package org.formhaus.storage;

import java.util.Locale;

/** Where a submission stands; the names are part of the admin API. */
public enum SubmissionStatus {
    RECEIVED, DELIVERING, DELIVERED, FAILED;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
