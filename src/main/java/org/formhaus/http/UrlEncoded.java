package org.formhaus.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses {@code a=1&b=2} (query strings, urlencoded bodies) in UTF-8. Read here rather than through the container's
 * {@code getParameter}, so that limits are ours and the same in every Servlet container. Stateless and thread-safe.
 */
public final class UrlEncoded {

    private UrlEncoded() {
    }

    /** Name → values in order; a malformed escape yields a 400 naming it. */
    public static Map<String, List<String>> parse(String text, int maxPairs) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        int pairs = 0;
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            if (++pairs > maxPairs) {
                throw new HttpProblem(413, "Too many fields (limit " + maxPairs + ")");
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            String near = s.length() > 20 ? s.substring(0, 20) : s;
            throw HttpProblem.badRequest("Malformed urlencoded data near '" + near + "'");
        }
    }
}
