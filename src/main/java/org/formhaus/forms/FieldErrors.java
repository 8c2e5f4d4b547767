package org.formhaus.forms;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Field name → message for one submission, in form order. Not thread-safe; lives for one request. */
public final class FieldErrors {

    private final Map<String, String> errors = new LinkedHashMap<>();

    /** Keeps the first error of a field: it is the one to fix first. */
    public void add(String field, String message) {
        errors.putIfAbsent(field, message);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public Map<String, String> asMap() {
        return Collections.unmodifiableMap(errors);
    }

    @Override
    public String toString() {
        return errors.toString();
    }
}
