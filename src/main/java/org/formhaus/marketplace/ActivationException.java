package org.formhaus.marketplace;

/** An activation that cannot go on, with the HTTP status and a message fit for the customer (never a secret). */
final class ActivationException extends Exception {

    private final int status;

    ActivationException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
