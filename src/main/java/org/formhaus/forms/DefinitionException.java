package org.formhaus.forms;

import java.util.List;

/** A form definition that cannot be used; each problem names its place, e.g. {@code fields[2].type}. */
public class DefinitionException extends Exception {

    private final List<Problem> problems;

    public DefinitionException(List<Problem> problems) {
        super(problems.isEmpty() ? "invalid definition" : problems.get(0).toString());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /** One thing wrong with a definition, and where. */
    public record Problem(String place, String message) {
        @Override
        public String toString() {
            return place + ": " + message;
        }
    }
}
