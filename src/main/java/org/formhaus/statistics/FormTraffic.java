package org.formhaus.statistics;

import org.formhaus.storage.FormDayCounters;

/**
 * What the visitor side counts for the statistics: a form page served (view), its first interaction (start), a step
 * reached, a submission accepted, each with its {@link Source} (steps without). Spam is counted by
 * {@link org.formhaus.storage.SpamCounts} itself. Every call only counts in memory. Thread-safe; one per application.
 *
 * <p>A submission learns its source from the request it arrives in: the filter in front of {@code /f/*} runs the
 * request {@linkplain #whileSubmitting within} its source, and the submission counter, told in the same thread that
 * the submission was accepted, calls {@link #submitted}.
 */
public final class FormTraffic {

    /** Metric names in the counters. */
    public static final String VIEW = "view";
    public static final String START = "start";
    public static final String STEP = "step";
    public static final String SUBMISSION = "submission";
    public static final String SPAM = "spam";
    /** Steps above this are not counted (a definition with more steps is counted up to here). */
    public static final int MAX_STEPS = 50;

    private static final ThreadLocal<Source> SUBMITTING = new ThreadLocal<>();

    private final FormDayCounters counters;

    public FormTraffic(FormDayCounters counters) {
        this.counters = counters;
    }

    public void viewed(String formKey, Source source) {
        count(formKey, VIEW, source);
    }

    public void started(String formKey, Source source) {
        count(formKey, START, source);
    }

    /** Step {@code step} (2 to the form's number of steps) was reached. */
    public void reachedStep(String formKey, int step) {
        if (step >= 2 && step <= MAX_STEPS) {
            counters.add(formKey, STEP, Integer.toString(step));
        }
    }

    /** A submission was accepted (stored for delivery), from the source of the request being answered. */
    public void submitted(String formKey) {
        Source source = SUBMITTING.get();
        count(formKey, SUBMISSION, source == null ? Source.UNKNOWN : source);
    }

    /**
     * Until the returned scope is closed, submissions accepted in this thread come from {@code source}.
     * <pre>{@code
     * try (FormTraffic.Scope scope = FormTraffic.whileSubmitting(source)) {
     *     chain.doFilter(request, response);
     * }
     * }</pre>
     */
    public static Scope whileSubmitting(Source source) {
        SUBMITTING.set(source);
        return SUBMITTING::remove;
    }

    /** The time a request is answered within its source. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    private void count(String formKey, String metric, Source source) {
        counters.add(formKey, metric, "");
        for (String dimension : source.dimensions()) {
            counters.add(formKey, metric, dimension);
        }
    }
}
