package org.formhaus.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The server-drawn charts: labelled images, escaped text, no style attribute the admin CSP would block. */
class SvgChartsTest {

    private static List<Report.Day> week() {
        List<Report.Day> days = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            days.add(new Report.Day(LocalDate.of(2026, 11, 25).plusDays(i), i * 3L, i, i / 2, 0));
        }
        return days;
    }

    @Test
    void theDailyChartIsALabelledImageWithOneLinePerSeries() {
        String svg = SvgCharts.daily("Views <per> day", week(), List.of(
                new SvgCharts.Series("Views", Report.Day::views), new SvgCharts.Series("Starts", Report.Day::starts)),
                Locale.GERMAN);
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" "), svg);
        assertTrue(svg.contains("aria-label=\"Views &lt;per&gt; day\""), svg);
        assertEquals(2, svg.split("<polyline").length - 1);
        assertTrue(svg.contains(">25.11.<"), "German day labels");
        assertTrue(svg.contains("stroke-dasharray"), "the second series differs in pattern too");
        assertFalse(svg.contains("style="), "no style attributes (CSP)");
    }

    @Test
    void barsShowTheirLabelsEscapedAndTheirFigures() {
        String svg = SvgCharts.bars("Spam", List.of(new SvgCharts.Bar("<script>", 5), new SvgCharts.Bar("b", 0)));
        assertTrue(svg.contains("&lt;script&gt;"));
        assertFalse(svg.contains("<script>"));
        assertTrue(svg.contains(">5</text>"));
        assertEquals(2, svg.split("<rect").length - 1);
    }

    @Test
    void theAxisEndsAtFourWholeGridSteps() {
        assertEquals(4, SvgCharts.niceCeiling(0));
        assertEquals(4, SvgCharts.niceCeiling(3));
        assertEquals(8, SvgCharts.niceCeiling(5));
        assertEquals(20, SvgCharts.niceCeiling(10));
        assertEquals(400, SvgCharts.niceCeiling(333));
    }
}
