package org.formhaus.forms;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Compiled definition patterns, compiled once: a definition's patterns are few and live as long as the form. */
final class Patterns {

    private static final int MAX_CACHED = 10_000;
    private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

    private Patterns() {
    }

    static Pattern get(String regex) {
        Pattern p = CACHE.get(regex);
        if (p == null) {
            p = Pattern.compile(regex);
            if (CACHE.size() < MAX_CACHED) {
                CACHE.put(regex, p);
            }
        }
        return p;
    }
}
