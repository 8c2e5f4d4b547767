package org.formhaus.intake;

/**
 * The answer to a submission that passed validation: {@link Outcome#ACCEPTED} with its new id,
 * {@link Outcome#REPEATED} with the id of the earlier submission it repeats (nothing new was stored), or
 * {@link Outcome#CONFLICT} when its token was used with other values (no id). Immutable.
 */
public record Receipt(Outcome outcome, String submissionId) {

    public enum Outcome {
        ACCEPTED,
        /** The token and values of an accepted submission again: answer as then. */
        REPEATED,
        /** The token of an accepted submission with other values: refused (409). */
        CONFLICT
    }

    static Receipt accepted(String id) {
        return new Receipt(Outcome.ACCEPTED, id);
    }

    public boolean conflict() {
        return outcome == Outcome.CONFLICT;
    }
}
