package org.formhaus.mapping;

import java.util.Map;

/**
 * The agent's log's two vocabularies: GET fields lists it with German field names ({@code Bemerkung},
 * {@code Aktionsart}, ...), while CREATE agentslog takes English parameter keys ({@code note}, {@code actionkind}).
 * A form may map either; this class translates the field names to the create keys.
 */
final class AgentsLogFields {

    private static final Map<String, String> CREATE_KEYS = Map.of(
            "Bemerkung", "note", "Aktionsart", "actionkind", "Aktionstyp", "actiontype", "Datum", "datetime",
            "Dauer", "duration", "Beratungsebene", "advisorylevel");

    private AgentsLogFields() {
    }

    static String createKey(String field) {
        return CREATE_KEYS.getOrDefault(field, field);
    }

    /** True for a create key (e.g. {@code note}) that is the counterpart of a catalogue field. */
    static boolean isCreateKey(String key) {
        return CREATE_KEYS.containsValue(key);
    }
}
