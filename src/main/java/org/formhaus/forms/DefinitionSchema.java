package org.formhaus.forms;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One description of everything a form definition can hold: each setting's path ({@code title},
 * {@code fields[].maxLength}, {@code emails.notice.to}), what kind of value it takes, its allowed values and, for a
 * field's settings, the field types it applies to. The form builder draws its setting panels from it (the labels and
 * help texts are the admin UI's {@code schema.<path>} texts), so a key added here is editable in the builder at once;
 * {@code DefinitionSchemaFenceTest} fails when the parser reads a key that is not described here. Immutable.
 */
public final class DefinitionSchema {

    /** How the builder edits a value. */
    public enum Kind {
        /** One line of text. */ TEXT,
        /** Several lines. */ TEXTAREA,
        BOOLEAN, INTEGER, NUMBER,
        /** ISO date or "today". */ DATE,
        /** One of {@code choices}. */ CHOICE,
        /** Any of {@code choices}, as an array. */ MULTI,
        /** An array of strings, one per line. */ LIST,
        /** A CSS colour. */ COLOR,
        /** A time of day, {@code HH:mm}; the builder draws a time input. */ TIME,
        /** An ISO date-time with offset; the builder draws a local date-time input and keeps the offset. */ DATETIME,
        /** A choice field's options: values with labels. */ OPTIONS,
        /** A field's showIf condition. */ CONDITION,
        /** An onOffice field, {@code module.field} (the field picker). */ MAPPING,
        /** The name of one of the form's own fields; the builder offers the draft's fields. */ FIELD_REF,
        /** An onOffice user name; the builder offers the account's users. */ USER_REF,
        /** A list of onOffice user names; the builder offers the account's users to tick. */ USER_LIST,
        /** A section that is true, false or an object of its inner settings. */ SWITCH,
        /**
         * A nested value: a table of rows when {@code path[].key} settings describe its rows (the builder's row
         * editor), else one with a visual editor of its own (rules, translations, closedMessage; fields).
         */
        JSON,
        /** A section holding the settings below it; the builder shows it as a panel. */ SECTION;

        public String jsonName() {
            return name().replace("_", "").toLowerCase(Locale.ROOT); // FIELD_REF → fieldref
        }
    }

    /**
     * One setting. {@code group}: the builder's panel it is shown in; {@code forTypes}: for a field's setting, the
     * field types that take it (empty: every type).
     */
    public record Setting(String path, Kind kind, List<String> choices, Set<FieldType> forTypes, String group) {

        public Setting {
            choices = List.copyOf(choices);
            forTypes = forTypes.isEmpty() ? Set.of() : Set.copyOf(forTypes);
        }

        public boolean fieldSetting() {
            return path.startsWith("fields[].");
        }

        JsonObject toJson() {
            JsonObject json = new JsonObject();
            json.addProperty("path", path);
            json.addProperty("kind", kind.jsonName());
            json.addProperty("group", group);
            JsonArray c = new JsonArray();
            choices.forEach(c::add);
            json.add("choices", c);
            JsonArray t = new JsonArray();
            forTypes.stream().map(FieldType::jsonName).sorted().forEach(t::add);
            json.add("types", t);
            return json;
        }
    }

    private static final Set<FieldType> VALUE_TYPES = EnumSet.copyOf(Arrays.stream(FieldType.values())
            .filter(FieldType::carriesValue).toList());
    private static final Set<FieldType> TEXT_TYPES = EnumSet.of(FieldType.TEXT, FieldType.TEXTAREA, FieldType.EMAIL,
            FieldType.PHONE);
    private static final Set<FieldType> NUMBER_TYPES = EnumSet.of(FieldType.NUMBER, FieldType.CURRENCY, FieldType.AREA,
            FieldType.RANGE);
    private static final Set<FieldType> CHOICE_TYPES = EnumSet.of(FieldType.SELECT, FieldType.RADIO,
            FieldType.CHECKBOXES);
    private static final Set<FieldType> INPUT_TYPES = EnumSet.copyOf(Arrays.stream(FieldType.values())
            .filter(t -> t.carriesValue() && t != FieldType.HIDDEN).toList());

    private static final List<Setting> SETTINGS = settings();

    private DefinitionSchema() {
    }

    public static List<Setting> settings() {
        if (SETTINGS != null) {
            return SETTINGS;
        }
        List<Setting> all = new ArrayList<>();
        // The form
        add(all, "form", "key", Kind.TEXT);
        add(all, "form", "title", Kind.TEXT);
        all.add(new Setting("kind", Kind.CHOICE, Arrays.stream(FormKind.values()).map(FormKind::jsonName).toList(),
                Set.of(), "form"));
        all.add(new Setting("language", Kind.CHOICE, List.of("de", "en"), Set.of(), "form"));
        add(all, "form", "thankYouUrl", Kind.TEXT);
        add(all, "form", "thankYouMessage", Kind.TEXTAREA); // #11: the built-in thank-you page's text, with macros
        all.add(new Setting("context", Kind.MULTI, List.of("page", "utm", "referrer"), Set.of(), "form"));
        // The page's values written to onOffice fields (#11, forms.ContextMapReader): a table, one row per entry
        all.add(new Setting("contextMaps", Kind.JSON, List.of(), Set.of(), "form"));
        all.add(new Setting("contextMaps[].from", Kind.TEXT, List.of(), Set.of(), "form"));
        all.add(new Setting("contextMaps[].maps", Kind.MAPPING, List.of(), Set.of(), "form"));
        all.add(new Setting("contextMaps[].values", Kind.JSON, List.of(), Set.of(), "form"));
        all.add(new Setting("contextMaps[].values[].when", Kind.TEXT, List.of(), Set.of(), "form"));
        all.add(new Setting("contextMaps[].values[].key", Kind.TEXT, List.of(), Set.of(), "form"));
        all.add(new Setting("contextMaps[].fallback", Kind.TEXT, List.of(), Set.of(), "form"));
        all.add(new Setting("fields", Kind.JSON, List.of(), Set.of(), "fields"));
        // Each field
        all.add(new Setting("fields[].type", Kind.CHOICE, Arrays.stream(FieldType.values()).map(FieldType::jsonName)
                .toList(), Set.of(), "field"));
        field(all, "name", Kind.TEXT, Set.of());
        field(all, "label", Kind.TEXT, Set.of());
        field(all, "help", Kind.TEXTAREA, INPUT_TYPES);
        field(all, "placeholder", Kind.TEXT, EnumSet.of(FieldType.TEXT, FieldType.TEXTAREA, FieldType.EMAIL,
                FieldType.PHONE, FieldType.NUMBER, FieldType.CURRENCY, FieldType.AREA, FieldType.SELECT));
        field(all, "required", Kind.BOOLEAN, VALUE_TYPES);
        field(all, "maps", Kind.MAPPING, VALUE_TYPES);
        field(all, "options", Kind.OPTIONS, CHOICE_TYPES);
        all.add(new Setting("fields[].optionsFrom", Kind.CHOICE, List.of("", "onoffice"), CHOICE_TYPES, "field"));
        all.add(new Setting("fields[].options[].value", Kind.TEXT, List.of(), CHOICE_TYPES, "field"));
        all.add(new Setting("fields[].options[].label", Kind.TEXT, List.of(), CHOICE_TYPES, "field"));
        // Drawn inside the options editor (a "hidden" box per option), static and onOffice options alike
        field(all, "hiddenOptions", Kind.LIST, CHOICE_TYPES);
        field(all, "default", Kind.TEXT, VALUE_TYPES);
        field(all, "prefill", Kind.BOOLEAN, VALUE_TYPES);
        field(all, "minLength", Kind.INTEGER, TEXT_TYPES);
        field(all, "maxLength", Kind.INTEGER, TEXT_TYPES);
        field(all, "pattern", Kind.TEXT, EnumSet.of(FieldType.TEXT, FieldType.PHONE));
        field(all, "min", Kind.NUMBER, NUMBER_TYPES);
        field(all, "max", Kind.NUMBER, NUMBER_TYPES);
        field(all, "step", Kind.NUMBER, NUMBER_TYPES);
        field(all, "unit", Kind.TEXT, NUMBER_TYPES);
        field(all, "minDate", Kind.DATE, EnumSet.of(FieldType.DATE, FieldType.DATETIME));
        field(all, "maxDate", Kind.DATE, EnumSet.of(FieldType.DATE, FieldType.DATETIME));
        field(all, "maxBytes", Kind.INTEGER, EnumSet.of(FieldType.FILE));
        field(all, "accept", Kind.LIST, EnumSet.of(FieldType.FILE));
        field(all, "version", Kind.TEXT, EnumSet.of(FieldType.CONSENT));
        all.add(new Setting("fields[].width", Kind.CHOICE, List.of("full", "half"), INPUT_TYPES, "field"));
        field(all, "showIf", Kind.CONDITION, Set.of());
        for (String c : List.of("field", "equals", "in", "filled")) {
            all.add(new Setting("fields[].showIf." + c, Kind.TEXT, List.of(), Set.of(), "field"));
        }
        // Rules and calculations (#11, forms.RuleReader): a nested structure with its own visual editor
        // (static/builder-rules.js), in a panel of its own
        all.add(new Setting("rules", Kind.JSON, List.of(), Set.of(), "rules"));
        // Texts in further languages (#11, forms.TranslationReader): drawn per language by static/builder-texts.js
        all.add(new Setting("translations", Kind.JSON, List.of(), Set.of(), "form"));
        // Theme
        add(all, "theme", "theme", Kind.SECTION);
        for (String colour : List.of("accent", "text", "background", "error", "border")) {
            add(all, "theme", "theme." + colour, Kind.COLOR);
        }
        add(all, "theme", "theme.font", Kind.TEXT);
        add(all, "theme", "theme.radius", Kind.TEXT);
        add(all, "theme", "theme.fontSize", Kind.TEXT);
        // E-mails
        add(all, "emails", "emails", Kind.SECTION);
        add(all, "emails", "emails.from", Kind.TEXT);
        all.add(new Setting("emails.addressCompletion", Kind.CHOICE, List.of("modus1", "modus2"), Set.of(),
                "emails")); // as mail.FormEmails.COMPLETION_MODES (CompletionModesInSchemaTest)
        mail(all, "emails.confirmation", true);
        mail(all, "emails.notice", false);
        add(all, "emails", "emails.more", Kind.JSON);
        mailKeys(all, "emails.more[]", false);
        // onOffice records
        add(all, "onoffice", "onoffice", Kind.SECTION);
        // duplicates and lead routing (#12, mapping.DuplicateRule, mapping.LeadRouting)
        add(all, "onoffice", "onoffice.duplicates", Kind.SECTION);
        all.add(new Setting("onoffice.duplicates.match", Kind.CHOICE, List.of("email", "email-name", "phone", "none"),
                Set.of(), "onoffice"));
        add(all, "onoffice", "onoffice.duplicates.update", Kind.LIST);
        add(all, "onoffice", "onoffice.routing", Kind.SECTION);
        all.add(new Setting("onoffice.routing.rule", Kind.CHOICE, List.of("estate", "postcode", "roundrobin", "fixed"),
                Set.of(), "onoffice"));
        add(all, "onoffice", "onoffice.routing.user", Kind.USER_REF);
        add(all, "onoffice", "onoffice.routing.users", Kind.USER_LIST);
        add(all, "onoffice", "onoffice.routing.postcodes", Kind.JSON);
        for (String key : List.of("from", "to", "prefix")) {
            add(all, "onoffice", "onoffice.routing.postcodes[]." + key, Kind.TEXT);
        }
        add(all, "onoffice", "onoffice.routing.postcodes[].user", Kind.USER_REF);
        all.add(new Setting("onoffice.newsletter", Kind.CHOICE, List.of("formhaus", "onoffice"), Set.of(),
                "onoffice")); // #16: whose double opt-in a newsletter form uses
        add(all, "onoffice", "onoffice.activity", Kind.SWITCH);
        add(all, "onoffice", "onoffice.activity.actionkind", Kind.TEXT);
        add(all, "onoffice", "onoffice.activity.actiontype", Kind.TEXT);
        add(all, "onoffice", "onoffice.task", Kind.SWITCH);
        add(all, "onoffice", "onoffice.task.user", Kind.USER_REF);
        add(all, "onoffice", "onoffice.task.subject", Kind.TEXT);
        add(all, "onoffice", "onoffice.task.priority", Kind.INTEGER);
        add(all, "onoffice", "onoffice.task.deadlineDays", Kind.INTEGER);
        add(all, "onoffice", "onoffice.appointment", Kind.SECTION);
        all.add(new Setting("onoffice.appointment.as", Kind.CHOICE, List.of("calendar", "task"), Set.of(),
                "onoffice"));
        add(all, "onoffice", "onoffice.appointment.durationMinutes", Kind.INTEGER);
        add(all, "onoffice", "onoffice.appointment.art", Kind.TEXT);
        add(all, "onoffice", "onoffice.appointment.user", Kind.USER_REF);
        // Viewing slots from the agent's calendar (#12, mapping.SlotWindow)
        add(all, "onoffice", "onoffice.appointment.slots", Kind.SWITCH);
        add(all, "onoffice", "onoffice.appointment.slots.daysAhead", Kind.INTEGER);
        all.add(new Setting("onoffice.appointment.slots.weekdays", Kind.MULTI,
                List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun"), Set.of(), "onoffice"));
        add(all, "onoffice", "onoffice.appointment.slots.from", Kind.TIME);
        add(all, "onoffice", "onoffice.appointment.slots.to", Kind.TIME);
        add(all, "onoffice", "onoffice.appointment.slots.slotMinutes", Kind.INTEGER);
        add(all, "onoffice", "onoffice.appointment.slots.bufferMinutes", Kind.INTEGER);
        add(all, "onoffice", "onoffice.appointment.slots.count", Kind.INTEGER);
        // Linked records (#12, mapping.RecordLinks): relations, project, price offer, written values, live-CRM rules
        all.add(new Setting("onoffice.relations", Kind.MULTI, List.of("owner", "buyer", "renter", "interested",
                "contactPerson", "contactPersonAll"), Set.of(), "onoffice"));
        add(all, "onoffice", "onoffice.project", Kind.INTEGER);
        add(all, "onoffice", "onoffice.priceOffer", Kind.FIELD_REF);
        add(all, "onoffice", "onoffice.writeValues", Kind.JSON);
        add(all, "onoffice", "onoffice.writeValues[].from", Kind.FIELD_REF);
        add(all, "onoffice", "onoffice.writeValues[].to", Kind.MAPPING);
        add(all, "onoffice", "onoffice.liveRules", Kind.JSON);
        add(all, "onoffice", "onoffice.liveRules[].field", Kind.FIELD_REF);
        all.add(new Setting("onoffice.liveRules[].compare", Kind.CHOICE, List.of("greater", "greaterOrEqual", "less",
                "lessOrEqual", "equals", "notEquals"), Set.of(), "onoffice"));
        add(all, "onoffice", "onoffice.liveRules[].record", Kind.MAPPING);
        add(all, "onoffice", "onoffice.liveRules[].plus", Kind.NUMBER);
        add(all, "onoffice", "onoffice.liveRules[].message", Kind.TEXT);
        // Privacy (workspace, #13)
        add(all, "privacy", "privacy", Kind.SECTION);
        add(all, "privacy", "privacy.eraseAfterDelivery", Kind.BOOLEAN);
        add(all, "privacy", "privacy.retentionDays", Kind.INTEGER);
        // Editing an existing record through an edit link (#12, forms.EditSettings)
        add(all, "edit", "edit", Kind.SECTION);
        all.add(new Setting("edit.module", Kind.CHOICE, EditSettings.MODULES, Set.of(), "edit"));
        add(all, "edit", "edit.validDays", Kind.INTEGER);
        // Protection
        add(all, "protection", "protection", Kind.SECTION);
        add(all, "protection", "protection.proofOfWork", Kind.BOOLEAN);
        add(all, "protection", "protection.password", Kind.TEXT);
        add(all, "protection", "protection.allowedIps", Kind.LIST);
        add(all, "protection", "protection.opensAt", Kind.DATETIME);
        add(all, "protection", "protection.closesAt", Kind.DATETIME);
        add(all, "protection", "protection.maxSubmissions", Kind.INTEGER);
        add(all, "protection", "protection.oneTimeKeys", Kind.LIST);
        add(all, "protection", "protection.closedMessage", Kind.JSON);
        return List.copyOf(all);
    }

    private static void mail(List<Setting> all, String path, boolean confirmation) {
        add(all, "emails", path, Kind.SECTION);
        mailKeys(all, path, confirmation);
    }

    private static void mailKeys(List<Setting> all, String path, boolean confirmation) {
        add(all, "emails", path + ".enabled", Kind.BOOLEAN);
        if (!confirmation) {
            add(all, "emails", path + ".to", Kind.LIST);
        }
        add(all, "emails", path + ".subject", Kind.TEXT);
        add(all, "emails", path + ".body", Kind.TEXTAREA);
        add(all, "emails", path + ".templateid", Kind.INTEGER);
        add(all, "emails", path + ".cc", Kind.LIST);
        add(all, "emails", path + ".bcc", Kind.LIST);
        add(all, "emails", path + ".replyToVisitor", Kind.BOOLEAN);
        if (confirmation) {
            add(all, "emails", path + ".repeatFields", Kind.LIST);
        }
        add(all, "emails", path + ".attach", Kind.SECTION);
        add(all, "emails", path + ".attach.uploads", Kind.BOOLEAN);
        add(all, "emails", path + ".attach.expose", Kind.TEXT);
        add(all, "emails", path + ".attach.documents", Kind.LIST);
    }

    private static void add(List<Setting> all, String group, String path, Kind kind) {
        all.add(new Setting(path, kind, List.of(), Set.of(), group));
    }

    private static void field(List<Setting> all, String name, Kind kind, Set<FieldType> types) {
        all.add(new Setting("fields[]." + name, kind, List.of(), types, "field"));
    }

    public static Optional<Setting> find(String path) {
        return settings().stream().filter(s -> s.path().equals(path)).findFirst();
    }

    /** The schema as the builder's script reads it: {@code [{"path", "kind", "group", "choices", "types"}, ...]}. */
    public static JsonArray toJson() {
        JsonArray json = new JsonArray();
        settings().forEach(s -> json.add(s.toJson()));
        return json;
    }
}
