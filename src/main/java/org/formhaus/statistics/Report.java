package org.formhaus.statistics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A form's statistics over a period of days (UTC, both ends included): per day, in total, the funnel, spam by reason
 * and the figures by source. Immutable.
 */
public record Report(String formKey, LocalDate from, LocalDate to, List<Day> days, Totals totals,
                     List<FunnelStep> funnel, Map<String, Long> spamByReason, Map<String, List<SourceRow>> sources) {

    /** One day's figures. */
    public record Day(LocalDate day, long views, long starts, long submissions, long spam) {
    }

    /**
     * The period's figures; {@code conversion} is submissions per view and {@code startRate} starts per view, in
     * percent with one decimal (0 without views).
     */
    public record Totals(long views, long starts, long submissions, long spam, double conversion, double startRate) {
    }

    /**
     * A stage of the funnel: {@code stage} is "view", "start", "step" (with its number), or "submission";
     * {@code dropOff} is how many of the stage before did not come this far (0 for the first stage).
     */
    public record FunnelStep(String stage, int step, long count, long dropOff) {
    }

    /** One value of a kind of source ({@link Source#KINDS}) with its figures; {@code conversion} as in Totals. */
    public record SourceRow(String value, long views, long starts, long submissions, double conversion) {
    }
}
