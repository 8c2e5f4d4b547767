package org.formhaus.connection;

/** The outcome of {@link ConnectionCheck#sendTestEmail}: whether onOffice accepted the mail, and a message. */
public record TestEmailResult(String mailbox, boolean sent, String message) {
}
