package org.formhaus.logs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the current thread works on, for every log line it writes: {@value #REQUEST_ID} while a request is answered,
 * {@value #SUBMISSION_ID} once a submission is accepted and while its delivery runs. Values are ids only, never
 * personal data. The same idea as SLF4J's MDC, but for java.util.logging, the log Formhaus writes to. Thread-confined;
 * always set through {@link #put} in a try-with-resources, so a pooled thread never carries ids on.
 *
 * <pre>{@code
 * try (LogContext.Scope scope = LogContext.put(LogContext.SUBMISSION_ID, id)) {
 *     deliver(id);   // every log line here names the submission
 * }
 * }</pre>
 */
public final class LogContext {

    public static final String REQUEST_ID = "requestId";
    public static final String SUBMISSION_ID = "submissionId";

    private static final ThreadLocal<Map<String, String>> CURRENT = ThreadLocal.withInitial(LinkedHashMap::new);

    private LogContext() {
    }

    /** Sets {@code key} until the scope is closed, which restores what was there before. */
    public static Scope put(String key, String value) {
        Map<String, String> map = CURRENT.get();
        String before = map.put(key, value);
        return () -> {
            if (before == null) {
                map.remove(key);
            } else {
                map.put(key, before);
            }
        };
    }

    /** Sets {@code key} for the rest of the current scope (e.g. the submission id once a request accepted it). */
    public static void set(String key, String value) {
        CURRENT.get().put(key, value);
    }

    /** The current thread's ids, in the order they were set; a copy. */
    public static Map<String, String> current() {
        Map<String, String> map = CURRENT.get();
        return map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** Clears every id this thread holds (at the end of a request). */
    static void clear() {
        CURRENT.remove();
    }

    /** Restores the id that was there before; closes without an exception. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
