package org.formhaus.forms;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a definition's {@code contextMaps} ({@link ContextMap}): at most {@link #MAX_MAPS} entries, each
 * {@code from} one of {@code page.url}, {@code referrer}, {@code utm.<name>} that the form's {@code context} keeps,
 * {@code maps} an {@code address.<field>}, at most {@link #MAX_ROWS} table rows of {@code when} and {@code key}, and a
 * {@code fallback}. Problems are named by path ({@code contextMaps[0].values[2].key: must be ...}); another key is
 * refused. Whether onOffice has the field and permits the keys is checked against the account's catalogue
 * ({@code mapping.MappingCheck}). Stateless.
 */
public final class ContextMapReader {

    static final String KEY = "contextMaps";
    static final int MAX_MAPS = 10;
    static final int MAX_ROWS = 100;
    private static final Pattern FROM = Pattern.compile("page\\.url|referrer|utm\\.[a-z_]{1,36}");
    private static final Pattern MAPS = Pattern.compile("address\\.[A-Za-z_][A-Za-z0-9_]*");

    private ContextMapReader() {
    }

    /** The entries of a parsed definition (read leniently: it was checked when saved). */
    public static List<ContextMap> of(FormDefinition form) {
        if (form.source() == null || !form.source().has(KEY)) {
            return List.of();
        }
        return read(new ObjectReader(form.source(), "", new ArrayList<>(), false), form.context());
    }

    static List<ContextMap> read(ObjectReader d, List<String> context) {
        List<ContextMap> maps = new ArrayList<>();
        JsonElement raw = d.raw(KEY);
        if (raw == null || raw.isJsonNull()) {
            return maps;
        }
        if (!raw.isJsonArray() || raw.getAsJsonArray().size() > MAX_MAPS) {
            d.problem(KEY, "must be a list of at most " + MAX_MAPS + " entries such as {\"from\": \"utm.source\", "
                    + "\"maps\": \"address.HerkunftKontakt\"}");
            return maps;
        }
        JsonArray list = raw.getAsJsonArray();
        for (int i = 0; i < list.size(); i++) {
            String place = KEY + "[" + i + "]";
            if (!list.get(i).isJsonObject()) {
                d.problem(place, "must be an object with from and maps");
                continue;
            }
            ContextMap map = entry(d.child(list.get(i).getAsJsonObject(), place), context);
            if (map != null) {
                maps.add(map);
            }
        }
        return maps;
    }

    private static ContextMap entry(ObjectReader e, List<String> context) {
        String from = e.string("from");
        String maps = e.string("maps");
        String fallback = e.string("fallback");
        List<ContextMap.Row> rows = rows(e);
        boolean ok = true;
        if (from == null || !FROM.matcher(from).matches()) {
            e.problem("from", "must be page.url, referrer or utm.NAME (e.g. utm.source)");
            ok = false;
        }
        if (maps == null || !MAPS.matcher(maps).matches()) {
            e.problem("maps", "must be an onOffice address field such as address.HerkunftKontakt");
            ok = false;
        }
        if (fallback != null && (fallback.isBlank() || fallback.length() > 200)) {
            e.problem("fallback", "must be 1-200 characters");
        }
        e.refuseUnread();
        if (!ok) {
            return null;
        }
        ContextMap map = new ContextMap(from, maps, rows, fallback);
        if (!context.contains(map.contextKind())) {
            e.problem("from", "the form keeps no '" + map.contextKind() + "' of the page: add it to context");
        }
        return map;
    }

    private static List<ContextMap.Row> rows(ObjectReader e) {
        List<ContextMap.Row> rows = new ArrayList<>();
        JsonElement raw = e.raw("values");
        if (raw == null || raw.isJsonNull()) {
            return rows;
        }
        if (!raw.isJsonArray() || raw.getAsJsonArray().size() > MAX_ROWS) {
            e.problem("values", "must be a list of at most " + MAX_ROWS + " rows such as {\"when\": \"google\", "
                    + "\"key\": \"Suchmaschine\"}");
            return rows;
        }
        for (int j = 0; j < raw.getAsJsonArray().size(); j++) {
            JsonElement item = raw.getAsJsonArray().get(j);
            String place = "values[" + j + "]";
            if (!item.isJsonObject()) {
                e.problem(place, "must be an object with when and key");
                continue;
            }
            ObjectReader row = e.child(item.getAsJsonObject(), e.at(place));
            String when = row.string("when");
            String key = row.string("key");
            if (when == null || when.isBlank() || when.length() > 200) {
                row.problem("when", "must be 1-200 characters: a part of the page's value");
            }
            if (key == null || key.isBlank() || key.length() > 200) {
                row.problem("key", "must be 1-200 characters: the onOffice key to write");
            }
            row.refuseUnread();
            if (when != null && !when.isBlank() && key != null && !key.isBlank()) {
                rows.add(new ContextMap.Row(when.strip(), key.strip()));
            }
        }
        return rows;
    }
}
