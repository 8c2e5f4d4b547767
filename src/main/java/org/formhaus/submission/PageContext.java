package org.formhaus.submission;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a submission keeps of the page its form was embedded in, as far as the form definition's {@code context}
 * allows: the page's URL ({@code page}), the {@code referrer} (both null when not kept) and the {@code utm_*}
 * parameters by their full name ({@code utm_source} → {@code news}). Immutable.
 */
public record PageContext(String page, String referrer, Map<String, String> utm) {

    public static final PageContext NONE = new PageContext(null, null, Map.of());

    static final String PAGE = "page";
    static final String REFERRER = "referrer";
    static final String UTM_PREFIX = "utm_";

    public PageContext {
        utm = Collections.unmodifiableMap(new LinkedHashMap<>(utm));
    }

    /**
     * From the flat form the page hands over and the stored JSON keeps: {@code page}, {@code referrer} and
     * {@code utm_*} keys; any other key is not page context and is left out.
     */
    public static PageContext of(Map<String, String> flat) {
        Map<String, String> utm = new LinkedHashMap<>();
        flat.forEach((key, value) -> {
            if (key.startsWith(UTM_PREFIX) && value != null) {
                utm.put(key, value);
            }
        });
        return new PageContext(flat.get(PAGE), flat.get(REFERRER), utm);
    }

    /** The flat form: {@code page}, {@code referrer}, then the {@code utm_*} entries; absent parts left out. */
    public Map<String, String> asMap() {
        Map<String, String> flat = new LinkedHashMap<>();
        if (page != null) {
            flat.put(PAGE, page);
        }
        if (referrer != null) {
            flat.put(REFERRER, referrer);
        }
        flat.putAll(utm);
        return flat;
    }
}
