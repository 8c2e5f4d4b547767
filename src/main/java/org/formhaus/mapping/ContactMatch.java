package org.formhaus.mapping;

import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.formhaus.forms.Field;
import org.formhaus.forms.FieldType;
import org.formhaus.forms.FormDefinition;
import org.formhaus.onoffice.Action;
import org.formhaus.onoffice.ActionResult;
import org.formhaus.onoffice.Actions;
import org.formhaus.onoffice.OnOfficeRecord;

/**
 * Finds the visitor among onOffice's addresses by the form's {@link DuplicateRule} and plans the address steps so
 * that an existing contact's data is never overwritten (issue #12):
 * <ul>
 *   <li>{@code email} (default), {@code email-name}: request 1 reads the addresses with the visitor's e-mail (every
 *   e-mail entry; onOffice compares without case) and creates the address with onOffice's duplicate check and
 *   {@code noOverrideByDuplicate}, which leaves a match unchanged and answers its id. The read gives Formhaus the
 *   match's values to compare. For {@code email-name}, when the e-mail belongs only to contacts of another name,
 *   request 2 creates a new address and request 3 links it (the one case of three requests).</li>
 *   <li>{@code phone}: request 1 reads the addresses with the visitor's number as a phone or mobile entry; a match is
 *   the address; without one request 2 creates it and request 3 links it.</li>
 *   <li>{@code none}: a new address each time, as before.</li>
 * </ul>
 * The last request writes the differences to the agent's-log entry and modifies only the fields the rule allows.
 * After a lost reply the lookup itself finds the address created before (its e-mail or number, and name, are the
 * visitor's), so nothing is created twice. A retry that still has to write the differences reads the recorded
 * address once more (a retry-only request). The values compared are those the visitor typed (hidden fields are the
 * form's own). The values read from onOffice are kept in memory for this try only, never in the submission's records.
 * Not thread-safe: one per plan, used by one delivery try.
 */
final class ContactMatch {

    static final String KEY = "address";
    static final String LOOKUP = "address.lookup";
    static final String MOBILE = "address.lookup.mobile";
    static final String REREAD = "address.reread";
    static final String UPDATE = "address.update";
    private static final int LIMIT = 50;
    static final String EXISTING = "existing";
    static final String NEW = "new";

    /** An address the lookup returned: its id and the values of the compared fields by read name. */
    private record Candidate(long id, Map<String, String> values) {
    }

    private final FormDefinition form;
    private final DuplicateRule rule;
    private final Map<String, Object> createFields;
    private final Map<String, String> entered = new LinkedHashMap<>();
    private final Map<String, String> labels = new LinkedHashMap<>();
    private final Map<String, Object> converted;
    private final String email;
    private final String phone;
    private final Set<String> consumers;
    private final Function<JsonObject, String> supervisor;
    private final boolean supervisorLater;

    private Candidate match;
    private boolean searched;
    private boolean matched;
    private String stray;
    private boolean lookupFailed;
    private boolean createdNew;
    private boolean decided;
    private String decision;

    /**
     * @param createFields    the address fields as created (write keys)
     * @param consumers       the records keys of the steps that use the comparison (agent's log, update, notice)
     * @param supervisor      the address's supervisor name ({@code Benutzer}) for a new address, from the records
     *                        so far (null when none)
     * @param supervisorLater the supervisor is known only after request 1 (the estate's agent): a new address
     *                        created in request 1 gets it by the update in the last request
     */
    ContactMatch(FormDefinition form, DuplicateRule rule, MappedValues mapped, Map<String, Object> createFields,
                 Set<String> consumers, Function<JsonObject, String> supervisor, boolean supervisorLater) {
        this.form = form;
        this.rule = rule;
        this.createFields = createFields;
        this.converted = mapped.module("address");
        this.consumers = consumers;
        this.supervisor = supervisor;
        this.supervisorLater = supervisorLater;
        for (Field f : form.fields()) {
            if (f.maps() == null || !f.maps().startsWith("address.") || f.type() == FieldType.HIDDEN
                    || !f.type().carriesValue()) {
                continue;
            }
            String name = f.maps().substring("address.".length());
            Object value = converted.get(name);
            if (value != null && !matchedOn(name)) {
                entered.put(name, display(value));
                labels.put(name, f.label() == null || f.label().isBlank() ? f.name() : f.label());
            }
        }
        this.email = first(converted, n -> AddressFields.isEmail(n));
        this.phone = first(converted, n -> DuplicateRule.isPhone("address." + n));
    }

    /** The stage-one steps: lookups and, unless the phone decides, the address itself. */
    List<PlannedStep> firstStage() {
        List<PlannedStep> steps = new ArrayList<>();
        switch (rule.match()) {
            case NONE -> steps.add(PlannedStep.create(KEY, r -> Actions.createAddress(withSupervisor(r), false,
                    false)));
            case EMAIL, EMAIL_NAME -> {
                boolean required = rule.match() == DuplicateRule.Match.EMAIL_NAME;
                if (email != null && (required || compares())) {
                    steps.add(new PlannedStep(LOOKUP, r -> r.has(KEY) || (!required && !wanted(r)) ? null
                            : Actions.readAddressesWhere("email", email, readNames(), LIMIT), (result, stage) -> {
                                decide(stage.get(KEY), result);
                                return verdict();
                            }, !required, null));
                }
                steps.add(new PlannedStep(KEY, r -> Actions.createAddress(withSupervisor(r), true, true),
                        (result, stage) -> decide(result, stage.get(LOOKUP)), false, null));
            }
            case PHONE -> {
                steps.add(new PlannedStep(KEY, r -> phone == null ? null
                        : Actions.readAddressesWhere("phone", phone, readNames(), LIMIT),
                        (result, stage) -> chooseByPhone(result, stage.get(MOBILE)), false, null));
                steps.add(new PlannedStep(MOBILE, r -> phone == null || r.has(KEY) ? null
                        : Actions.readAddressesWhere("mobile", phone, readNames(), LIMIT), (result, stage) -> verdict(),
                        false, null));
            }
            default -> throw new IllegalStateException(rule.match().name());
        }
        if (!compares() || rule.match() == DuplicateRule.Match.NONE) {
            return steps;
        }
        // a retry that still has to compare reads the recorded address again
        steps.add(new PlannedStep(REREAD, r -> r.has(KEY) && !searched && wanted(r) && !NEW.equals(verdict(r))
                ? Actions.readAddress(List.of(r.get(KEY).getAsString()), readNames()) : null,
                (result, stage) -> {
                    reread(result);
                    return null;
                }, true, null));
        return steps;
    }

    /** The stage-two step: a new address when the lookup found none (phone) or only other names (email-name). */
    PlannedStep secondStage() {
        if (rule.match() != DuplicateRule.Match.PHONE && rule.match() != DuplicateRule.Match.EMAIL_NAME) {
            return null;
        }
        return PlannedStep.create(KEY, r -> {
            createdNew = true;
            return Actions.createAddress(withSupervisor(r), false, false);
        });
    }

    /** The last-stage step: MODIFY of the fields the rule allows (and a new address's supervisor); null when none. */
    PlannedStep update() {
        if (rule.update().isEmpty() && !rule.updateAll() && !supervisorLater) {
            return null;
        }
        return PlannedStep.create(UPDATE, r -> {
            Map<String, Object> changes = new LinkedHashMap<>();
            String address = r.has(KEY) ? r.get(KEY).getAsString() : null;
            if (address == null) {
                return null;
            }
            if (matched && match != null && String.valueOf(match.id).equals(address)) {
                for (ContactDifference d : differences()) {
                    if (d.updated()) {
                        changes.put(AddressFields.writeKey(d.field()), change(d));
                    }
                }
            } else if (supervisorLater && createdNew && !converted.containsKey("Benutzer")) {
                String name = supervisor.apply(r);
                if (name != null) {
                    changes.put("Benutzer", name);
                }
            }
            return changes.isEmpty() ? null : Actions.modifyAddress(address, changes);
        });
    }

    /** The values that differ from the matched contact, in form order; empty when the address is new or unknown. */
    List<ContactDifference> differences() {
        if (!matched || match == null) {
            return List.of();
        }
        List<ContactDifference> out = new ArrayList<>();
        entered.forEach((name, value) -> {
            String had = match.values().getOrDefault(readName(name), "");
            if (!same(value, had)) {
                out.add(new ContactDifference(name, labels.get(name), value, had, rule.updates(name)));
            }
        });
        return out;
    }

    /** The lines the agent's-log note gets about the match; "" when there is nothing to say. */
    String note() {
        boolean de = "de".equals(form.language());
        List<String> lines = new ArrayList<>();
        List<ContactDifference> differences = differences();
        if (!differences.isEmpty()) {
            lines.add(de ? "Bestehender Kontakt, abweichende Angaben:" : "Existing contact, values that differ:");
            differences.forEach(d -> lines.add(d.line(form.language())));
        }
        if (stray != null) {
            lines.add(de ? "onOffice hat für diese E-Mail-Adresse eine zweite Adresse angelegt (" + stray
                    + "); bitte zusammenführen." : "onOffice created a second address for this e-mail (" + stray
                    + "); please merge it.");
        }
        if (lookupFailed) {
            lines.add(de ? "Formhaus konnte den bestehenden Kontakt nicht lesen und nicht vergleichen."
                    : "Formhaus could not read the existing contact to compare it.");
        }
        return String.join("\n", lines);
    }

    // ---- choosing the address ---------------------------------------------------------------------------------

    /** The address of request 1 (once per try, whichever step's outcome asks first); null when not decided. */
    private String decide(ActionResult created, ActionResult lookup) {
        if (!decided) {
            decided = true;
            decision = created == null || !created.ok() ? null : chooseAfterCreate(created, lookup);
        }
        return decision;
    }

    private String chooseAfterCreate(ActionResult created, ActionResult lookup) {
        String createdId = PlannedStep.Outcome.CREATED_ID.value(created, Map.of());
        if (lookup == null) {
            return createdId; // nothing to compare: onOffice's check decides
        }
        if (!lookup.ok()) {
            lookupFailed = true;
            return rule.match() == DuplicateRule.Match.EMAIL ? createdId : null; // email-name: the failure retries
        }
        List<Candidate> candidates = candidates(lookup);
        searched = true;
        Optional<Candidate> chosen = candidates.stream().filter(this::sameName).min(Comparator.comparingLong(
                Candidate::id));
        if (chosen.isEmpty()) {
            createdNew = candidates.isEmpty();
            // email-name: the e-mail is another person's; request 2 creates the visitor (onOffice's check gave the
            // other contact, unchanged)
            return candidates.isEmpty() ? createdId : null;
        }
        match = chosen.get();
        matched = true;
        String id = String.valueOf(match.id);
        if (!id.equals(createdId) && candidates.stream().noneMatch(c -> String.valueOf(c.id).equals(createdId))) {
            stray = createdId; // onOffice's own check missed the contact Formhaus found (e.g. other case)
        }
        return id;
    }

    private String chooseByPhone(ActionResult phones, ActionResult mobiles) {
        List<Candidate> candidates = new ArrayList<>(candidates(phones));
        if (mobiles != null && mobiles.ok()) {
            candidates.addAll(candidates(mobiles));
        } else if (mobiles != null) {
            return null; // not knowing means not creating: the mobile read's failure retries
        }
        searched = true;
        Optional<Candidate> chosen = candidates.stream().min(Comparator.comparingLong(Candidate::id));
        if (chosen.isEmpty()) {
            return null; // request 2 creates the address
        }
        match = chosen.get();
        matched = true;
        return String.valueOf(match.id);
    }

    private void reread(ActionResult result) {
        List<Candidate> read = candidates(result);
        if (!read.isEmpty()) {
            match = read.get(0);
            matched = true; // an address created by an earlier try compares equal: no differences
        }
    }

    private boolean sameName(Candidate c) {
        if (rule.match() != DuplicateRule.Match.EMAIL_NAME) {
            return true;
        }
        for (String name : List.of("Vorname", "Name")) {
            Object v = converted.get(name);
            if (v != null && !display(v).strip().equalsIgnoreCase(c.values().getOrDefault(name, "").strip())) {
                return false;
            }
        }
        return true;
    }

    private List<Candidate> candidates(ActionResult result) {
        List<Candidate> out = new ArrayList<>();
        for (OnOfficeRecord rec : result.records()) {
            long id;
            try {
                id = Long.parseLong(rec.id().strip());
            } catch (RuntimeException e) {
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (String name : readNames()) {
                values.put(name, value(rec, name));
            }
            out.add(new Candidate(id, values));
        }
        return out;
    }

    /**
     * What the lookup of this try decided, recorded under its key so that a retry knows without reading again:
     * {@value #EXISTING} (an existing contact is the address), {@value #NEW} (the address was created in the same
     * request), or null (not decided yet: nothing recorded, so the lookup runs again while the address is unknown).
     * Its step's outcome is asked after the address step's, which decides.
     */
    private String verdict() {
        return matched ? EXISTING : createdNew && searched ? NEW : null;
    }

    /** The verdict an earlier try recorded (either lookup's), or null. */
    private static String verdict(JsonObject records) {
        for (String key : List.of(LOOKUP, MOBILE)) {
            if (records.has(key) && !records.get(key).getAsString().isEmpty()) {
                return records.get(key).getAsString();
            }
        }
        return null;
    }

    /** Whether a lookup is worth its read now: something to compare and a step that still uses it. */
    private boolean wanted(JsonObject records) {
        return compares() && consumers.stream().anyMatch(k -> !records.has(k));
    }

    /** Whether there is anything to compare with an existing contact, or a new one to tell apart (its supervisor). */
    private boolean compares() {
        return !entered.isEmpty() || supervisorLater;
    }

    private Map<String, Object> withSupervisor(JsonObject records) {
        Map<String, Object> fields = new LinkedHashMap<>(createFields);
        String name = supervisor.apply(records);
        if (name != null && !fields.containsKey("Benutzer")) {
            fields.put("Benutzer", name);
        }
        return fields;
    }

    private boolean matchedOn(String name) {
        return switch (rule.match()) {
            case EMAIL, EMAIL_NAME -> AddressFields.isEmail(name);
            case PHONE -> DuplicateRule.isPhone("address." + name);
            default -> false;
        };
    }

    /** MODIFY's value for a field: contact data as add/modify of the entry read ({@code Telefon1}: the main one). */
    private Object change(ContactDifference d) {
        Object value = converted.get(d.field());
        if (!AddressFields.isContact(d.field())) {
            return value;
        }
        JsonObject change = new JsonObject();
        if (d.onOffice().isEmpty()) {
            change.addProperty("action", "add");
            change.addProperty("default", true);
        } else {
            change.addProperty("action", "modify");
            change.addProperty("oldvalue", d.onOffice());
        }
        change.addProperty("newvalue", d.entered());
        return change;
    }

    private List<String> readNames() {
        Set<String> names = new LinkedHashSet<>();
        entered.keySet().forEach(n -> names.add(readName(n)));
        if (rule.match() == DuplicateRule.Match.EMAIL_NAME) {
            names.add("Vorname");
            names.add("Name");
        }
        if (names.isEmpty()) {
            names.add("Name");
        }
        return new ArrayList<>(names);
    }

    /** The name a READ gives a field: contact data by its main entry ({@code Email}, {@code Telefon1}, ...). */
    static String readName(String field) {
        String key = AddressFields.writeKey(field);
        if (key.startsWith("email")) return "Email";
        if (key.equals("mobile")) return "mobile";
        if (key.startsWith("phone")) return "Telefon1";
        if (key.startsWith("fax")) return "Telefax1";
        return field;
    }

    /** A READ value by name; a pseudo-field may come back as {@code mobile__<entry id>} (onoffice-api.md §5). */
    private static String value(OnOfficeRecord rec, String name) {
        String v = rec.get(name);
        if (v == null) {
            for (String key : rec.elements().keySet()) {
                if (key.startsWith(name + "__") && !key.endsWith("__Comment")) {
                    v = rec.get(key);
                    break;
                }
            }
        }
        if (v == null) {
            return "";
        }
        if (v.length() > 1 && v.startsWith("|") && v.endsWith("|")) { // a multiselect reads back as |a||b|
            return String.join(", ", v.substring(1, v.length() - 1).split("\\|\\|")).strip();
        }
        return v.replaceAll("^\\[\"?|\"?]$", "").replace("\",\"", ", ").strip();
    }

    /** Equal for the agent: ignoring case and surrounding space; numbers by value; lists in any order. */
    static boolean same(String entered, String had) {
        String a = entered.strip();
        String b = had.strip();
        if (a.equalsIgnoreCase(b)) {
            return true;
        }
        try {
            return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
        } catch (NumberFormatException e) {
            // not numbers
        }
        return sorted(a).equals(sorted(b));
    }

    private static String sorted(String s) {
        return String.join(",", java.util.Arrays.stream(s.toLowerCase(Locale.ROOT).split(",\\s*")).map(String::strip)
                .sorted().toList());
    }

    private static String display(Object value) {
        List<String> values = ValueConverter.values(value);
        return String.join(", ", values);
    }

    private static String first(Map<String, Object> converted, java.util.function.Predicate<String> key) {
        for (Map.Entry<String, Object> e : converted.entrySet()) {
            if (key.test(e.getKey()) && e.getValue() != null && !display(e.getValue()).isBlank()) {
                return display(e.getValue()).strip();
            }
        }
        return null;
    }
}
