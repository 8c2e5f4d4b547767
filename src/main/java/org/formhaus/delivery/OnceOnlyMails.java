package org.formhaus.delivery;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.formhaus.onoffice.Action;
import org.formhaus.onoffice.ActionResult;
import org.formhaus.onoffice.OnOfficeClient;
import org.formhaus.onoffice.OnOfficeException;

/**
 * Sends a submission's planned emails at most once. Unlike an address, a mail has no duplicate check, and onOffice
 * cannot be asked whether a mail went out. So each mail's identifier is recorded as {@value #SENDING} before the
 * request: a reply that says it failed clears the mark (sent again on the next try), a reply that says it worked
 * turns it into {@value #SENT}, and a try that ended without knowing (the reply was lost, the process died) leaves
 * {@value #UNCONFIRMED}, which is never sent again. A visitor may thus, rarely, miss a confirmation; they never get
 * two. The admin sees the mark in the submission's records. Stateless.
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

    static void send(List<Action> planned, JsonObject records, OnOfficeClient client, RecordsSaver saver)
            throws OnOfficeException, SQLException {
        boolean changed = markInterruptedSends(records);
        List<Action> todo = new ArrayList<>();
        for (Action mail : planned) {
            if (!records.has(mail.identifier())) {
                todo.add(mail);
            }
        }
        if (todo.isEmpty()) {
            if (changed) {
                saver.save(records);
            }
            return;
        }
        todo.forEach(mail -> records.addProperty(mail.identifier(), SENDING));
        saver.save(records);
        List<ActionResult> results;
        try {
            results = client.execute(todo);
        } catch (OnOfficeException e) {
            for (Action mail : todo) {
                if (certainlyNotProcessed(e)) {
                    records.remove(mail.identifier());
                } else {
                    records.addProperty(mail.identifier(), UNCONFIRMED);
                }
            }
            saver.save(records);
            throw e;
        }
        OnOfficeException failure = null;
        for (int i = 0; i < todo.size(); i++) {
            ActionResult result = results.get(i);
            if (result.ok()) {
                records.addProperty(todo.get(i).identifier(), SENT);
            } else {
                records.remove(todo.get(i).identifier());
                failure = failure == null ? OnOfficeException.of(result) : failure;
            }
        }
        saver.save(records);
        if (failure != null) {
            throw failure;
        }
    }

    /** A mail still marked {@value #SENDING} belongs to a try that ended without knowing; it is not sent again. */
    private static boolean markInterruptedSends(JsonObject records) {
        boolean changed = false;
        for (Map.Entry<String, JsonElement> e : records.entrySet()) {
            if (e.getKey().startsWith("mail.") && e.getValue().isJsonPrimitive()
                    && SENDING.equals(e.getValue().getAsString())) {
                e.setValue(new com.google.gson.JsonPrimitive(UNCONFIRMED));
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
