package org.formhaus.forms;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One entry of a definition's {@code contextMaps}: a value of the embedding page ({@code from}: {@code page.url},
 * {@code referrer} or {@code utm.<name>}) written to an onOffice address field ({@code maps}), e.g. the contact's
 * source {@code address.HerkunftKontakt}. With a table ({@code values}), the first row whose {@code when} the page's
 * value contains (ignoring case) gives the onOffice {@code key}; {@code fallback} is written when no row matches or
 * the page gave no value (leave it out to write nothing then). Without a table the page's value itself is written.
 * Immutable.
 *
 * <pre>{@code
 * "contextMaps": [{"from": "utm.source", "maps": "address.HerkunftKontakt",
 *                  "values": [{"when": "immowelt", "key": "Immobilienportal"}, {"when": "google", "key": "Werbung"}],
 *                  "fallback": "eigene-Homepage"}]
 * }</pre>
 */
public record ContextMap(String from, String maps, List<Row> values, String fallback) {

    /** One row of the table: a part of the page's value, and the onOffice key it stands for. */
    public record Row(String when, String key) {
    }

    public ContextMap {
        values = List.copyOf(values);
    }

    /** The page context's key this entry reads ({@code page}, {@code referrer}, {@code utm_source}). */
    public String contextKey() {
        return from.equals("page.url") ? "page" : from.startsWith("utm.") ? "utm_" + from.substring(4) : from;
    }

    /** What the form's {@code context} must keep for this entry: {@code page}, {@code referrer} or {@code utm}. */
    String contextKind() {
        return from.equals("page.url") ? "page" : from.startsWith("utm.") ? "utm" : from;
    }

    /** The value to write for a submission's page context (its flat form); null when nothing is to be written. */
    public String valueFor(Map<String, String> context) {
        String value = context.get(contextKey());
        if (value == null || value.isBlank()) {
            return fallback;
        }
        if (values.isEmpty()) {
            return value.strip();
        }
        String lower = value.toLowerCase(Locale.ROOT);
        for (Row row : values) {
            if (lower.contains(row.when().toLowerCase(Locale.ROOT))) {
                return row.key();
            }
        }
        return fallback;
    }

    /** The onOffice keys this entry may write (the table's and the fallback), for the save-time check. */
    public List<String> keys() {
        List<String> keys = new java.util.ArrayList<>(values.stream().map(Row::key).toList());
        if (fallback != null) {
            keys.add(fallback);
        }
        return keys;
    }
}
