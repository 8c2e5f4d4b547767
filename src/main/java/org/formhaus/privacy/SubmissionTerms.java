package org.formhaus.privacy;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.formhaus.forms.Field;
import org.formhaus.forms.FormDefinition;
import org.formhaus.forms.Values;
import org.formhaus.storage.SearchTerms;
import org.formhaus.storage.Submission;

/**
 * The search terms of a new submission: the {@link TermHashes} of the values of its form's {@link PersonFields}
 * (from the form version it was made with). Thread-safe; one per application.
 */
public final class SubmissionTerms implements SearchTerms.Source {

    /** The definition of a form version, e.g. {@code FormStore#version}. */
    @FunctionalInterface
    public interface Definitions {
        Optional<FormDefinition> of(String formKey, int version) throws Exception;
    }

    private final TermHashes hashes;
    private final Definitions definitions;

    public SubmissionTerms(TermHashes hashes, Definitions definitions) {
        this.hashes = hashes;
        this.definitions = definitions;
    }

    @Override
    public Set<String> terms(Submission submission) {
        Set<String> terms = new LinkedHashSet<>();
        if (submission.data() == null) {
            return terms;
        }
        FormDefinition definition;
        try {
            definition = definitions.of(submission.formKey(), submission.formVersion()).orElse(null);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read form " + submission.formKey() + " version "
                    + submission.formVersion(), e);
        }
        if (definition == null) {
            return terms;
        }
        for (Field field : definition.fields()) {
            Object value = submission.data().values().get(field.name());
            if (value == null) {
                continue;
            }
            for (String v : Values.list(value)) {
                if (PersonFields.isEmail(field)) {
                    Optional.ofNullable(hashes.email(v)).ifPresent(terms::add);
                } else if (PersonFields.isName(field)) {
                    terms.addAll(hashes.words(v));
                }
            }
        }
        return terms;
    }
}
