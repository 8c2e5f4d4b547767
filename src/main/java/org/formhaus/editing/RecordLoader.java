package org.formhaus.editing;

import java.util.Map;
import org.formhaus.forms.FormDefinition;
import org.formhaus.mapping.RecordEdits;
import org.formhaus.onoffice.ActionResult;
import org.formhaus.onoffice.OnOfficeClient;
import org.formhaus.onoffice.OnOfficeException;

/**
 * Loads the record an edit link opens: ONE onOffice request ({@link RecordEdits#read}), through a client that does
 * not retry by itself and gives up after the connector's request timeout, so a visitor waits at most that long. The
 * record's values are used for the page and forgotten: nothing of it is stored. Thread-safe.
 */
public final class RecordLoader {

    /** The onOffice client of an account; null when the account has no complete credentials. */
    @FunctionalInterface
    public interface Clients {
        OnOfficeClient of(long accountId) throws java.sql.SQLException;
    }

    /** The form's starting values (by field name) and the record's values (by onOffice field, for macros). */
    public record Loaded(Map<String, Object> formValues, Map<String, Object> recordValues) {
    }

    /** onOffice could not be asked (down, slow, no credentials): the visitor is asked to come back. */
    public static final class UnavailableException extends Exception {
        public UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Clients clients;

    public RecordLoader(Clients clients) {
        this.clients = clients;
    }

    /** The record's values; null when onOffice has no such record (deleted, or not readable by the API user). */
    public Loaded load(FormDefinition form, long accountId, String module, String recordId)
            throws UnavailableException, java.sql.SQLException {
        OnOfficeClient client = clients.of(accountId);
        if (client == null) {
            throw new UnavailableException("The account has no onOffice credentials", null);
        }
        ActionResult result;
        try {
            result = client.execute(java.util.List.of(RecordEdits.read(form, module, recordId))).get(0);
        } catch (OnOfficeException e) {
            // the reason, not onOffice's text: that may quote the record's values, and this ends in the server log
            throw new UnavailableException("onOffice did not answer the read of the " + module + ": " + e.reason(), e);
        }
        if (!result.ok()) {
            // a record that is gone answers an error naming it; anything else is onOffice's trouble, not the link's
            String text = String.valueOf(result.message()).toLowerCase(java.util.Locale.ROOT);
            if (text.contains("not found") || text.contains("unknown") || text.contains("does not exist")) {
                return null;
            }
            throw new UnavailableException("onOffice refused the read of the " + module + ": error "
                    + result.errorCode(), null);
        }
        Map<String, Object> record = RecordEdits.recordValues(result, recordId);
        if (record == null) {
            return null;
        }
        return new Loaded(RecordEdits.formValues(form, module, record), record);
    }
}
