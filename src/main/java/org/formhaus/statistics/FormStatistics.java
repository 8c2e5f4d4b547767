package org.formhaus.statistics;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.formhaus.storage.FormDayCounters;

/**
 * Reads a form's daily counters back as a {@link Report} over the last 7, 30 or 90 days (today included). What the
 * admin statistics page and {@code GET /admin/api/statistics/{key}} show. Thread-safe.
 */
public final class FormStatistics {

    /** The periods one may ask for, in days. */
    public static final List<Integer> PERIODS = List.of(7, 30, 90);

    private final FormDayCounters counters;

    public FormStatistics(FormDayCounters counters) {
        this.counters = counters;
    }

    /**
     * The report of {@code formKey}, whose definition has {@code steps} steps, over the last {@code days} days.
     *
     * @throws IllegalArgumentException when {@code days} is not one of {@link #PERIODS}
     */
    public Report report(String formKey, int steps, int days) throws SQLException {
        if (!PERIODS.contains(days)) {
            throw new IllegalArgumentException("days: must be 7, 30 or 90");
        }
        LocalDate to = counters.today();
        LocalDate from = to.minusDays(days - 1L);
        Map<LocalDate, long[]> perDay = new TreeMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            perDay.put(d, new long[4]);
        }
        Map<String, Long> totals = new HashMap<>();
        Map<Integer, Long> stepCounts = new HashMap<>();
        Map<String, Long> spam = new TreeMap<>();
        Map<String, Map<String, long[]>> sources = new LinkedHashMap<>();
        Source.KINDS.forEach(kind -> sources.put(kind, new HashMap<>()));
        for (FormDayCounters.Row row : counters.read(formKey, from, to)) {
            String metric = row.metric();
            String dimension = row.dimension();
            if (dimension.isEmpty()) {
                totals.merge(metric, row.hits(), Long::sum);
                int column = List.of(FormTraffic.VIEW, FormTraffic.START, FormTraffic.SUBMISSION).indexOf(metric);
                if (column >= 0) {
                    perDay.get(row.day())[column] += row.hits();
                }
            } else if (metric.equals(FormTraffic.SPAM)) {
                spam.merge(dimension, row.hits(), Long::sum);
                totals.merge(FormTraffic.SPAM, row.hits(), Long::sum);
                perDay.get(row.day())[3] += row.hits();
            } else if (metric.equals(FormTraffic.STEP)) {
                stepCounts.merge(Integer.parseInt(dimension), row.hits(), Long::sum);
            } else {
                addSource(sources, metric, dimension, row.hits());
            }
        }
        List<Report.Day> dayList = new ArrayList<>();
        perDay.forEach((d, c) -> dayList.add(new Report.Day(d, c[0], c[1], c[2], c[3])));
        long views = totals.getOrDefault(FormTraffic.VIEW, 0L);
        long starts = totals.getOrDefault(FormTraffic.START, 0L);
        long submissions = totals.getOrDefault(FormTraffic.SUBMISSION, 0L);
        return new Report(formKey, from, to, dayList, new Report.Totals(views, starts, submissions,
                totals.getOrDefault(FormTraffic.SPAM, 0L), percent(submissions, views), percent(starts, views)),
                funnel(views, starts, stepCounts, Math.min(steps, FormTraffic.MAX_STEPS), submissions), spam,
                sourceRows(sources));
    }

    private static void addSource(Map<String, Map<String, long[]>> sources, String metric, String dimension,
                                  long hits) {
        int eq = dimension.indexOf('=');
        int column = List.of(FormTraffic.VIEW, FormTraffic.START, FormTraffic.SUBMISSION).indexOf(metric);
        Map<String, long[]> kind = eq < 0 ? null : sources.get(dimension.substring(0, eq));
        if (kind != null && column >= 0) {
            kind.computeIfAbsent(dimension.substring(eq + 1), v -> new long[3])[column] += hits;
        }
    }

    private static List<Report.FunnelStep> funnel(long views, long starts, Map<Integer, Long> stepCounts, int steps,
                                                  long submissions) {
        List<Report.FunnelStep> funnel = new ArrayList<>();
        funnel.add(new Report.FunnelStep(FormTraffic.VIEW, 0, views, 0));
        funnel.add(new Report.FunnelStep(FormTraffic.START, 0, starts, Math.max(0, views - starts)));
        long before = starts;
        for (int step = 2; step <= steps; step++) {
            long reached = stepCounts.getOrDefault(step, 0L);
            funnel.add(new Report.FunnelStep(FormTraffic.STEP, step, reached, Math.max(0, before - reached)));
            before = reached;
        }
        funnel.add(new Report.FunnelStep(FormTraffic.SUBMISSION, 0, submissions, Math.max(0, before - submissions)));
        return funnel;
    }

    private static Map<String, List<Report.SourceRow>> sourceRows(Map<String, Map<String, long[]>> sources) {
        Map<String, List<Report.SourceRow>> out = new LinkedHashMap<>();
        sources.forEach((kind, values) -> {
            List<Report.SourceRow> rows = new ArrayList<>();
            values.forEach((value, c) -> rows.add(new Report.SourceRow(value, c[0], c[1], c[2], percent(c[2], c[0]))));
            rows.sort(Comparator.comparingLong(Report.SourceRow::views).reversed()
                    .thenComparing(Comparator.comparingLong(Report.SourceRow::submissions).reversed())
                    .thenComparing(Report.SourceRow::value));
            out.put(kind, rows);
        });
        return out;
    }

    static double percent(long part, long whole) {
        return whole == 0 ? 0 : Math.round(part * 1000.0 / whole) / 10.0;
    }
}
