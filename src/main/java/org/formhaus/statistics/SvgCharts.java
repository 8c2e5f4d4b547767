package org.formhaus.statistics;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import org.formhaus.http.Html;

/**
 * Draws the statistics as inline SVG on the server: no chart library, no script, nothing inline that the admin
 * pages' Content-Security-Policy would block (presentation attributes only, no style attributes). Each chart is an
 * {@code role="img"} with a label; the page puts the same figures in a table beside it, which is what screen readers
 * read. Series differ in colour, line pattern and marker, never in colour alone (WCAG 1.4.1); colours keep 3:1
 * against white (WCAG 1.4.11). Every text is escaped. Stateless; thread-safe.
 */
public final class SvgCharts {

    /** A series of the daily chart: its name (shown in the legend) and how to read its figure from a day. */
    public record Series(String name, ToLongFunction<Report.Day> figure) {
    }

    /** A bar of a bar chart. */
    public record Bar(String label, long value) {
    }

    private static final String[] COLOURS = {"#1f5fa8", "#a3470b", "#1a7f37", "#6f42c1"};
    private static final String[] DASHES = {"", "7 4", "2 3", "10 3 2 3"};
    private static final String FONT = "font-family=\"system-ui, sans-serif\" font-size=\"12\" fill=\"#1b1b1b\"";
    private static final int WIDTH = 720;
    private static final int HEIGHT = 280;
    private static final int LEFT = 48;
    private static final int RIGHT = 16;
    private static final int TOP = 36;
    private static final int BOTTOM = 40;

    private SvgCharts() {
    }

    /** A line chart of {@code series} over {@code days}, labelled {@code label} for assistive technology. */
    public static String daily(String label, List<Report.Day> days, List<Series> series, Locale locale) {
        long max = 1;
        for (Report.Day d : days) {
            for (Series s : series) {
                max = Math.max(max, s.figure().applyAsLong(d));
            }
        }
        long top = niceCeiling(max);
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = open(label, WIDTH, HEIGHT);
        for (int i = 0; i <= 4; i++) {
            long value = top * i / 4;
            int y = TOP + plotHeight - (int) Math.round(plotHeight * i / 4.0);
            svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(y).append("\" x2=\"").append(WIDTH - RIGHT)
                    .append("\" y2=\"").append(y).append("\" stroke=\"#d0d7de\" stroke-width=\"1\"/>");
            svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(y + 4).append("\" text-anchor=\"end\" ")
                    .append(FONT).append('>').append(value).append("</text>");
        }
        DateTimeFormatter format = DateTimeFormatter.ofPattern(locale.getLanguage().equals("de") ? "dd.MM." : "MM-dd");
        int every = days.size() <= 10 ? 1 : days.size() <= 31 ? 5 : 15;
        for (int i = 0; i < days.size(); i++) {
            if (i % every != 0 && i != days.size() - 1) {
                continue;
            }
            svg.append("<text x=\"").append(x(i, days.size(), plotWidth)).append("\" y=\"").append(HEIGHT - BOTTOM + 18)
                    .append("\" text-anchor=\"middle\" ").append(FONT).append('>')
                    .append(Html.escape(format.format(days.get(i).day()))).append("</text>");
        }
        for (int s = 0; s < series.size(); s++) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < days.size(); i++) {
                long v = series.get(s).figure().applyAsLong(days.get(i));
                points.append(i == 0 ? "" : " ").append(x(i, days.size(), plotWidth)).append(',')
                        .append(TOP + plotHeight - (int) Math.round(plotHeight * (double) v / top));
            }
            String colour = COLOURS[s % COLOURS.length];
            svg.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2.5\"");
            if (!DASHES[s % DASHES.length].isEmpty()) {
                svg.append(" stroke-dasharray=\"").append(DASHES[s % DASHES.length]).append('"');
            }
            svg.append(" points=\"").append(points).append("\"/>");
            if (days.size() <= 31) {
                for (String point : points.toString().split(" ")) {
                    String[] xy = point.split(",");
                    svg.append(marker(s, Integer.parseInt(xy[0]), Integer.parseInt(xy[1]), colour));
                }
            }
            int legendX = LEFT + s * 170;
            svg.append(marker(s, legendX + 6, 14, colour));
            svg.append("<text x=\"").append(legendX + 16).append("\" y=\"18\" ").append(FONT).append('>')
                    .append(Html.escape(series.get(s).name())).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    /** Horizontal bars with their labels and figures, labelled {@code label} for assistive technology. */
    public static String bars(String label, List<Bar> bars) {
        int row = 30;
        int labelWidth = 220;
        int height = Math.max(1, bars.size()) * row + 10;
        long max = 1;
        for (Bar b : bars) {
            max = Math.max(max, b.value());
        }
        int barSpace = WIDTH - labelWidth - 80;
        StringBuilder svg = open(label, WIDTH, height);
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = 5 + i * row;
            int w = (int) Math.round(barSpace * (double) b.value() / max);
            svg.append("<text x=\"").append(labelWidth - 8).append("\" y=\"").append(y + 17)
                    .append("\" text-anchor=\"end\" ").append(FONT).append('>').append(Html.escape(shorten(b.label())))
                    .append("</text>");
            svg.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 4).append("\" width=\"")
                    .append(Math.max(w, 1)).append("\" height=\"18\" fill=\"").append(COLOURS[0]).append("\"/>");
            svg.append("<text x=\"").append(labelWidth + Math.max(w, 1) + 6).append("\" y=\"").append(y + 17)
                    .append("\" ").append(FONT).append('>').append(b.value()).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String label, int width, int height) {
        return new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" ")
                .append("viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" aria-label=\"").append(Html.escape(label)).append("\">");
    }

    /** Circle, square, diamond, triangle: the series' marker, so they differ in shape as well as colour. */
    private static String marker(int series, int x, int y, String colour) {
        return switch (series % 4) {
            case 0 -> "<circle cx=\"" + x + "\" cy=\"" + y + "\" r=\"3.5\" fill=\"" + colour + "\"/>";
            case 1 -> "<rect x=\"" + (x - 3) + "\" y=\"" + (y - 3) + "\" width=\"7\" height=\"7\" fill=\"" + colour
                    + "\"/>";
            case 2 -> "<polygon points=\"" + x + "," + (y - 5) + " " + (x + 5) + "," + y + " " + x + "," + (y + 5)
                    + " " + (x - 5) + "," + y + "\" fill=\"" + colour + "\"/>";
            default -> "<polygon points=\"" + x + "," + (y - 5) + " " + (x + 5) + "," + (y + 4) + " " + (x - 5) + ","
                    + (y + 4) + "\" fill=\"" + colour + "\"/>";
        };
    }

    private static int x(int index, int count, int plotWidth) {
        return LEFT + (count <= 1 ? plotWidth / 2 : (int) Math.round(plotWidth * (double) index / (count - 1)));
    }

    /** The top of the axis: four grid steps of 1, 2 or 5 times a power of ten, together at least {@code max}. */
    static long niceCeiling(long max) {
        long needed = Math.max(1, (max + 3) / 4);
        for (long power = 1; ; power *= 10) {
            for (long m : new long[] {1, 2, 5}) {
                if (m * power >= needed) {
                    return 4 * m * power;
                }
            }
        }
    }

    private static String shorten(String text) {
        return text.length() <= 34 ? text : text.substring(0, 33) + "…";
    }
}
