package org.formhaus.statistics;

import java.net.URI;
import java.util.List;
import java.util.function.Function;

/**
 * Where a visitor came from, as statistics count it: the embedding page ({@code fh_page}, from embed.js) and the
 * {@code utm_source}, {@code utm_medium} and {@code utm_campaign} parameters. Cleaned so that nothing personal and
 * nothing unbounded is kept: the page is {@code scheme://host/path} only (its query and fragment may carry e-mail
 * addresses or session ids), at most {@value #MAX_PAGE} characters; UTM values lose control characters and are cut
 * to {@value #MAX_VALUE} characters. A form opened at its own address has the page {@value #DIRECT}; a missing UTM
 * value is {@value #NONE}. Immutable.
 */
public record Source(String page, String utmSource, String utmMedium, String utmCampaign) {

    public static final String DIRECT = "(direct)";
    public static final String NONE = "(none)";
    static final int MAX_PAGE = 200;
    static final int MAX_VALUE = 100;
    /** The kinds of source, as dimension prefixes ({@code page=...}) and as the parameters they come from. */
    public static final List<String> KINDS = List.of("page", "utm_source", "utm_medium", "utm_campaign");

    public static final Source UNKNOWN = new Source(DIRECT, NONE, NONE, NONE);

    /** From request parameters: {@code fh_page} and the {@code utm_*} ones ({@code param} answers null when absent). */
    public static Source of(Function<String, String> param) {
        return new Source(page(param.apply("fh_page")), value(param.apply("utm_source")),
                value(param.apply("utm_medium")), value(param.apply("utm_campaign")));
    }

    /** The counter dimensions of this source: {@code page=...}, {@code utm_source=...}, and so on. */
    public List<String> dimensions() {
        return List.of("page=" + page, "utm_source=" + utmSource, "utm_medium=" + utmMedium,
                "utm_campaign=" + utmCampaign);
    }

    static String page(String url) {
        if (url == null || url.isBlank()) {
            return DIRECT;
        }
        try {
            URI uri = URI.create(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return NONE;
            }
            String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return cut(scheme + "://" + uri.getHost().toLowerCase(java.util.Locale.ROOT) + port + path, MAX_PAGE);
        } catch (IllegalArgumentException e) {
            return NONE;
        }
    }

    static String value(String raw) {
        if (raw == null) {
            return NONE;
        }
        String clean = raw.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        return clean.isEmpty() ? NONE : cut(clean, MAX_VALUE);
    }

    private static String cut(String s, int max) {
        return s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max));
    }
}
