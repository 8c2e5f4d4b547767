package org.formhaus.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that decides whether a form's theme keeps its texts readable: the WCAG 2.2 contrast ratio
 * ({@code (L1 + 0.05) / (L2 + 0.05)} of the relative luminances) of text on background, the button text (white, as
 * {@code form.css} draws it) on the accent colour and error text on background, each against AA's 4.5:1 for normal
 * text. A theme key left out counts as {@code form.css}'s default. Colours it cannot read (a CSS name, hsl(), a
 * translucent colour) are not judged. Stateless.
 *
 * <pre>{@code
 * ThemeContrast.check(Map.of("accent", "#7fb3ff"))  // [Low[place=theme.accent, ratio=2.2, ...]]
 * }</pre>
 */
public final class ThemeContrast {

    /** WCAG 2.2 AA, success criterion 1.4.3, for text below 18pt (14pt bold). */
    public static final double AA = 4.5;

    /** form.css's {@code --fh-*} defaults, for theme keys a definition leaves out. */
    static final Map<String, String> DEFAULTS = Map.of("accent", "#1d4ed8", "text", "#1f2937",
            "background", "#ffffff", "error", "#b91c1c");
    /** The button text colour form.css puts on the accent colour. */
    static final String BUTTON_TEXT = "#ffffff";

    private static final Pattern HEX = Pattern.compile("#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})");
    private static final Pattern RGB = Pattern.compile(
            "rgb\\(\\s*(\\d{1,3})\\s*[, ]\\s*(\\d{1,3})\\s*[, ]\\s*(\\d{1,3})\\s*\\)");

    /** A pair below {@link #AA}: {@code place} is the theme key to change, e.g. {@code theme.accent}. */
    public record Low(String place, String foreground, String background, double ratio) {
    }

    private ThemeContrast() {
    }

    /** The pairs of {@code theme} (key → CSS value, as {@code "theme"} holds them) whose contrast is below AA. */
    public static List<Low> check(Map<String, String> theme) {
        String background = value(theme, "background");
        List<Low> low = new ArrayList<>();
        add(low, "theme.text", value(theme, "text"), background);
        add(low, "theme.accent", BUTTON_TEXT, value(theme, "accent"));
        add(low, "theme.error", value(theme, "error"), background);
        return low;
    }

    /** The contrast ratio of two colours (1 to 21), or empty when either is not a colour this class reads. */
    public static Optional<Double> ratio(String a, String b) {
        Optional<Double> la = luminance(a);
        Optional<Double> lb = luminance(b);
        if (la.isEmpty() || lb.isEmpty()) {
            return Optional.empty();
        }
        double hi = Math.max(la.get(), lb.get());
        double lo = Math.min(la.get(), lb.get());
        return Optional.of((hi + 0.05) / (lo + 0.05));
    }

    private static void add(List<Low> low, String place, String foreground, String background) {
        ratio(foreground, background).filter(r -> r < AA)
                .ifPresent(r -> low.add(new Low(place, foreground, background, Math.floor(r * 100) / 100)));
    }

    private static String value(Map<String, String> theme, String key) {
        String v = theme.get(key);
        return v == null || v.isBlank() ? DEFAULTS.get(key) : v.strip();
    }

    /** Relative luminance (WCAG 2.2 definition) of a #rgb, #rrggbb or rgb(r, g, b) colour. */
    static Optional<Double> luminance(String colour) {
        int[] rgb = channels(colour == null ? "" : colour.strip().toLowerCase(Locale.ROOT));
        if (rgb == null) {
            return Optional.empty();
        }
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double s = rgb[i] / 255.0;
            c[i] = s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
        }
        return Optional.of(0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]);
    }

    private static int[] channels(String colour) {
        Matcher hex = HEX.matcher(colour);
        if (hex.matches()) {
            String h = hex.group(1);
            if (h.length() == 3) {
                h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
            }
            return new int[] {Integer.parseInt(h.substring(0, 2), 16), Integer.parseInt(h.substring(2, 4), 16),
                    Integer.parseInt(h.substring(4, 6), 16)};
        }
        Matcher rgb = RGB.matcher(colour);
        if (rgb.matches()) {
            int[] c = {Integer.parseInt(rgb.group(1)), Integer.parseInt(rgb.group(2)), Integer.parseInt(rgb.group(3))};
            for (int v : c) {
                if (v > 255) {
                    return null;
                }
            }
            return c;
        }
        return colour.equals("white") ? new int[] {255, 255, 255} : colour.equals("black") ? new int[] {0, 0, 0} : null;
    }
}
