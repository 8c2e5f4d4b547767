package org.formhaus.submission;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Formhaus keeps of a visitor's accepted submission, until the retention period erases it.
 *
 * <ul>
 *   <li>{@code values}: the validated value of every field that carries one, in the form's order, by field name; a
 *       {@code String}, or a {@code List<String>} for checkboxes and ranges ({@code forms.Values} reads both);</li>
 *   <li>{@code language}: the form's language as the visitor saw it ({@code de}, {@code en}); null in rows stored
 *       before it was kept;</li>
 *   <li>{@code consents}: the consents the visitor gave, with the exact text shown;</li>
 *   <li>{@code context}: what the form keeps of the page it was embedded in;</li>
 *   <li>{@code files}: the uploads stored with the submission (their bytes are in {@code storage}).</li>
 * </ul>
 * Immutable (the constructor copies what it is given) and safe to share between threads.
 */
public record AcceptedSubmission(Map<String, Object> values, String language, List<Consent> consents,
                                 PageContext context, List<SubmittedFile> files) {

    public AcceptedSubmission {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        consents = List.copyOf(consents);
        context = context == null ? PageContext.NONE : context;
        files = List.copyOf(files);
    }
}
