package org.formhaus.mail;

import com.google.gson.JsonObject;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a mail template's {@code ${editLinks["<form key>"]}} gives: a new edit link to that form for the record of
 * its module that the submission created or edited ({@code editing.EditLinks}), made only when a template asks for it
 * and once per form key for all mails of one delivery try; "" when the form is no edit form of the account. Not
 * thread-safe: one per try.
 */
final class EditLinkValues extends AbstractMap<String, String> {

    /** A database failure while making a link: the try is repeated later, not failed. */
    static final class Unavailable extends RuntimeException {
        Unavailable(java.sql.SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private final FormMailPlanner.EditLinkIssuer issuer;
    private final long accountId;
    private final String submissionId;
    private final JsonObject records;
    private final Map<String, String> made = new HashMap<>();

    EditLinkValues(FormMailPlanner.EditLinkIssuer issuer, long accountId, String submissionId, JsonObject records) {
        this.issuer = issuer;
        this.accountId = accountId;
        this.submissionId = submissionId;
        this.records = records;
    }

    /** What a template sees when the form is saved: a sample link for any key. */
    static Map<String, String> sample() {
        return sample(key -> { });
    }

    /** As {@link #sample()}, telling {@code asked} each form key a template asks a link for. */
    static Map<String, String> sample(java.util.function.Consumer<String> asked) {
        return new AbstractMap<>() {
            @Override
            public String get(Object key) {
                asked.accept(String.valueOf(key));
                return "https://formhaus.example/f/" + key + "?fh_edit=sample";
            }

            @Override
            public boolean containsKey(Object key) {
                return true;
            }

            @Override
            public Set<Entry<String, String>> entrySet() {
                return Set.of();
            }
        };
    }

    @Override
    public String get(Object key) {
        if (!(key instanceof String form)) {
            return "";
        }
        return made.computeIfAbsent(form, k -> {
            try {
                return issuer.issue(accountId, k, submissionId, records).orElse("");
            } catch (java.sql.SQLException e) {
                throw new Unavailable(e);
            }
        });
    }

    @Override
    public boolean containsKey(Object key) {
        return true;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return Set.of(); // nothing to list: links are made when asked for
    }
}
