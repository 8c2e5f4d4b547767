package org.formhaus.onoffice;

import java.util.List;

/**
 * A connection to one onOffice API user. Safe to share across threads; lives as long as the account's credentials.
 *
 * <p>{@link #execute(List)} sends all actions in ONE HTTP request (each signed on its own) and returns one result per
 * action, in request order, matched by identifier. Request-level failures (transport, HTTP 5xx, not authenticated,
 * unparseable reply) throw {@link OnOfficeException}; a failed single action comes back as a result with a non-zero
 * {@code errorCode}; {@link OnOfficeException#of(ActionResult)} classifies it.
 */
@FunctionalInterface
public interface OnOfficeClient {

    List<ActionResult> execute(List<Action> actions) throws OnOfficeException;

    /** One action; a failed result is thrown as a classified {@link OnOfficeException}. */
    default ActionResult executeOne(Action action) throws OnOfficeException {
        ActionResult result = execute(List.of(action)).get(0);
        if (!result.ok()) {
            throw OnOfficeException.of(result);
        }
        return result;
    }
}
