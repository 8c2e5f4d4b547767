package org.formhaus.marketplace;

import org.formhaus.http.HttpProblem;

/**
 * An activation or service call that cannot go on, with the HTTP status and a message fit for the customer (never a
 * secret); shown by {@link org.formhaus.http.ErrorReplies} like every other problem.
 */
final class ActivationException extends HttpProblem {

    ActivationException(int status, String message) {
        super(status, message);
    }
}
