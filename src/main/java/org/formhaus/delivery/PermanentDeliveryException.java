package org.formhaus.delivery;

/**
 * A delivery problem that trying again cannot fix, such as a mail template that does not render or no sender
 * mailbox configured: the submission ends 'failed' at once with this message, which says what to fix. After the fix
 * the admin retries it, and delivery resumes from the recorded onOffice ids.
 */
public class PermanentDeliveryException extends Exception {

    public PermanentDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }

    public PermanentDeliveryException(String message) {
        super(message);
    }
}
