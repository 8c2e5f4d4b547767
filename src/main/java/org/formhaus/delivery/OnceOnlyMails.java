package org.formhaus.delivery;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.formhaus.onoffice.Action;
import org.formhaus.onoffice.ActionResult;
import org.formhaus.onoffice.OnOfficeClient;
import org.formhaus.onoffice.OnOfficeException;

/**
 * Sends a submission's emails at most once. Unlike an address, a mail has no duplicate check, and onOffice cannot be
 * asked whether a mail went out. So each mail's records key ({@code mail.*}) is set to {@value #SENDING} before the
 * request that carries it: a reply that says it failed clears the mark (sent again on the next try), a reply that
 * says it worked turns it into {@value #SENT}, and a try that ended without knowing (the reply was lost, the process
 * died) leaves {@value #UNCONFIRMED}, which is never sent again. A visitor may thus, rarely, miss a confirmation;
 * they never get two. The admin sees the mark in the submission's records. Stateless.
 */
final class OnceOnlyMails {

    static final String SENDING = "sending";
    static final String SENT = "sent";
    static final String UNCONFIRMED = "unconfirmed";

    /** Saves the records so far, before the next onOffice request. */
    @FunctionalInterface
    interface RecordsSaver {
        void save(JsonObject records) throws SQLException;
    }

    private OnceOnlyMails() {
    }

    static boolean isMail(String key) {
        return key.startsWith("mail.");
    }

    /**
     * Runs one request whose actions may include mails (identified by {@code mail.*}), marking each mail before and
     * after as described above. Returns the results; the caller records the other actions' outcomes.
     */
    static List<ActionResult> execute(List<Action> actions, JsonObject records, OnOfficeClient client,
                                      RecordsSaver saver) throws OnOfficeException, SQLException {
        List<String> mails = actions.stream().map(Action::identifier).filter(OnceOnlyMails::isMail).toList();
        if (mails.isEmpty()) {
            return client.execute(actions);
        }
        mails.forEach(key -> records.addProperty(key, SENDING));
        saver.save(records);
        List<ActionResult> results;
        try {
            results = client.execute(actions);
        } catch (OnOfficeException e) {
            boolean notRun = certainlyNotProcessed(e);
            mails.forEach(key -> {
                if (notRun) {
                    records.remove(key);
                } else {
                    records.addProperty(key, UNCONFIRMED);
                }
            });
            saver.save(records);
            throw e;
        }
        for (int i = 0; i < actions.size(); i++) {
            String key = actions.get(i).identifier();
            if (isMail(key)) {
                if (i < results.size() && results.get(i).ok()) {
                    records.addProperty(key, SENT);
                } else {
                    records.remove(key);
                }
            }
        }
        saver.save(records);
        return results;
    }

    /**
     * A mail still marked {@value #SENDING} belongs to a try that ended without knowing; it is not sent again.
     * @return true when a mark changed
     */
    static boolean markInterruptedSends(JsonObject records) {
        boolean changed = false;
        for (Map.Entry<String, JsonElement> e : records.entrySet()) {
            if (isMail(e.getKey()) && e.getValue().isJsonPrimitive() && SENDING.equals(e.getValue().getAsString())) {
                e.setValue(new JsonPrimitive(UNCONFIRMED));
                changed = true;
            }
        }
        return changed;
    }

    /**
     * True when onOffice cannot have run the request: refused before processing (credentials, signature),
     * rate-limited, answered with a server error for the whole request, or never connected to. A timeout waiting for
     * the reply, or a connection that broke mid-exchange, may have run it.
     */
    static boolean certainlyNotProcessed(OnOfficeException e) {
        return switch (e.reason()) {
            case RATE_LIMITED, SERVER_ERROR -> true;
            case TIMEOUT -> e.getCause() instanceof HttpConnectTimeoutException;
            case TRANSPORT -> e.getCause() instanceof ConnectException;
            default -> !e.retryable();
        };
    }
}
