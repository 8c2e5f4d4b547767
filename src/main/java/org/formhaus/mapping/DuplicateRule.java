package org.formhaus.mapping;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.formhaus.forms.DefinitionException.Problem;
import org.formhaus.forms.Field;
import org.formhaus.forms.FormDefinition;

/**
 * How a form treats a visitor who is already a contact in onOffice, from {@code onoffice.duplicates} (issue #12):
 * <pre>{@code
 * "duplicates": {"match": "email", "update": ["Telefon1", "Plz"]}
 * }</pre>
 * {@code match} says when an existing address is the visitor: {@code email} (default; any of its e-mail entries,
 * ignoring case), {@code email-name} (the e-mail and the mapped first name and surname), {@code phone} (any phone or
 * mobile entry, as written) or {@code none} (always a new address). An existing contact's data is never overwritten:
 * the values that differ go to the responsible agent; only the address fields listed in {@code update} are changed.
 *
 * <p>The strings earlier versions took still work: {@code "keep"} is the default above, {@code "create"} is
 * {@code match: none}, and {@code "update"} (the old default, which let onOffice overwrite the contact) updates every
 * address field the form maps, as before. Immutable.
 */
record DuplicateRule(Match match, List<String> update, boolean updateAll) {

    /** When an existing address counts as the visitor. */
    enum Match {
        EMAIL("email"), EMAIL_NAME("email-name"), PHONE("phone"), NONE("none");

        final String jsonName;

        Match(String jsonName) {
            this.jsonName = jsonName;
        }

        static Match of(String s) {
            for (Match m : values()) {
                if (m.jsonName.equals(s)) {
                    return m;
                }
            }
            return null;
        }
    }

    static final DuplicateRule DEFAULT = new DuplicateRule(Match.EMAIL, List.of(), false);

    DuplicateRule {
        update = List.copyOf(update);
    }

    /** Reads {@code onoffice.duplicates} (an object, or one of the old strings), adding a problem per bad member. */
    static DuplicateRule parse(JsonElement raw, FormDefinition form, List<Problem> problems) {
        if (raw == null || raw.isJsonNull()) {
            return DEFAULT;
        }
        String place = "onoffice.duplicates";
        if (raw.isJsonPrimitive()) {
            return switch (raw.getAsString().strip().toLowerCase(Locale.ROOT)) {
                case "keep" -> DEFAULT;
                case "create" -> new DuplicateRule(Match.NONE, List.of(), false);
                case "update" -> new DuplicateRule(Match.EMAIL, List.of(), true);
                default -> {
                    problems.add(new Problem(place, "must be an object {\"match\": ..., \"update\": [...]} (or one of "
                            + "the earlier keep, update, create)"));
                    yield DEFAULT;
                }
            };
        }
        if (!raw.isJsonObject()) {
            problems.add(new Problem(place, "must be an object {\"match\": ..., \"update\": [...]}"));
            return DEFAULT;
        }
        JsonObject o = raw.getAsJsonObject();
        Match match = Match.EMAIL;
        JsonElement m = o.get("match");
        if (m != null && !m.isJsonNull()) {
            match = m.isJsonPrimitive() ? Match.of(m.getAsString().strip()) : null;
            if (match == null) {
                problems.add(new Problem(place + ".match", "must be email, email-name, phone or none"));
                match = Match.EMAIL;
            }
        }
        List<String> update = new ArrayList<>();
        JsonElement u = o.get("update");
        if (u != null && !u.isJsonNull()) {
            if (!u.isJsonArray()) {
                problems.add(new Problem(place + ".update", "must be a list of address fields"));
            } else {
                Set<String> mapped = mappedAddressFields(form);
                for (int i = 0; i < u.getAsJsonArray().size(); i++) {
                    JsonElement e = u.getAsJsonArray().get(i);
                    String name = e.isJsonPrimitive() ? e.getAsString().strip() : "";
                    if (!mapped.contains(name)) {
                        problems.add(new Problem(place + ".update[" + i + "]", "'" + name + "' is no address field this "
                                + "form maps (mapped: " + String.join(", ", mapped) + ")"));
                    } else if (!update.contains(name)) {
                        update.add(name);
                    }
                }
            }
        }
        DuplicateRule rule = new DuplicateRule(match, update, false);
        if (match == Match.PHONE && form.fields().stream().noneMatch(f -> isPhone(f.maps()))) {
            problems.add(new Problem(place + ".match", "phone matching needs a field mapped to address.Telefon1, "
                    + "phone, mobile or another phone key"));
        }
        if (match == Match.EMAIL_NAME && form.fields().stream().noneMatch(f -> isName(f.maps()))) {
            problems.add(new Problem(place + ".match", "email-name matching needs a field mapped to address.Vorname "
                    + "or address.Name"));
        }
        return rule;
    }

    /** Whether an existing address's field may be changed to the submitted value. */
    boolean updates(String field) {
        return updateAll || update.contains(field);
    }

    /** Whether the address is created with onOffice's own duplicate check by e-mail (never overwriting). */
    boolean onOfficeChecks() {
        return match == Match.EMAIL || match == Match.EMAIL_NAME;
    }

    /** The address fields ({@code Vorname}, {@code Telefon1}, ...) the form maps, in form order. */
    static Set<String> mappedAddressFields(FormDefinition form) {
        Set<String> out = new LinkedHashSet<>();
        for (Field f : form.fields()) {
            if (f.maps() != null && f.maps().startsWith("address.")) {
                out.add(f.maps().substring("address.".length()));
            }
        }
        return out;
    }

    static boolean isPhone(String maps) {
        if (maps == null || !maps.startsWith("address.")) {
            return false;
        }
        String key = AddressFields.writeKey(maps.substring("address.".length()));
        return key.startsWith("phone") || key.equals("mobile");
    }

    private static boolean isName(String maps) {
        return "address.Vorname".equals(maps) || "address.Name".equals(maps);
    }
}
