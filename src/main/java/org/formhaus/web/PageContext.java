package org.formhaus.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.formhaus.forms.FormDefinition;

/**
 * The embedding page's context a submission keeps, as the form definition's {@code context} allows: {@code page}
 * (the URL of the page, {@code fh_page} from embed.js), {@code utm} (the {@code utm_*} parameters) and
 * {@code referrer} ({@code fh_ref} from embed.js, else the Referer of the form page). It travels in hidden
 * {@code _ctx_*} inputs from the served page to the submission. Bounded: at most 10 entries of 500 characters.
 */
final class PageContext {

    static final String PREFIX = "_ctx_";
    private static final int MAX_ENTRIES = 10;
    private static final int MAX_LENGTH = 500;

    private PageContext() {
    }

    /** From the form page's request (query parameters and headers). */
    static Map<String, String> fromPageRequest(FormDefinition form, Map<String, List<String>> query, String referer) {
        Map<String, String> context = new LinkedHashMap<>();
        query.forEach((name, values) -> {
            String v = values.isEmpty() ? "" : values.get(0);
            if (name.equals("fh_page")) {
                put(form, context, "page", "page", v);
            } else if (name.equals("fh_ref")) {
                put(form, context, "referrer", "referrer", v);
            } else if (name.startsWith("utm_")) {
                put(form, context, "utm", name, v);
            }
        });
        if (!context.containsKey("referrer") && referer != null && !query.containsKey("fh_page")) {
            put(form, context, "referrer", "referrer", referer);
        }
        return context;
    }

    /** From a submission's hidden inputs, filtered again: the client may have added anything. */
    static Map<String, String> fromSubmission(FormDefinition form, Map<String, List<String>> input) {
        Map<String, String> context = new LinkedHashMap<>();
        input.forEach((name, values) -> {
            if (!name.startsWith(PREFIX) || values.isEmpty()) {
                return;
            }
            String key = name.substring(PREFIX.length());
            String kind = key.startsWith("utm_") ? "utm" : key;
            put(form, context, kind, key, values.get(0));
        });
        return context;
    }

    private static void put(FormDefinition form, Map<String, String> context, String kind, String key, String value) {
        if (!form.context().contains(kind) || value.isEmpty() || context.size() >= MAX_ENTRIES
                || !key.matches("[a-z_]{1,40}")) {
            return;
        }
        context.put(key, value.length() > MAX_LENGTH ? value.substring(0, MAX_LENGTH) : value);
    }
}
