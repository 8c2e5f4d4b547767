package org.formhaus.mapping;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.formhaus.forms.DefinitionException.Problem;
import org.formhaus.forms.Field;
import org.formhaus.forms.FieldOption;
import org.formhaus.forms.FieldType;
import org.formhaus.forms.FormDefinition;
import org.formhaus.onoffice.AccountMetadata;
import org.formhaus.onoffice.FieldInfo;
import org.formhaus.onoffice.OnOfficeClient;
import org.formhaus.onoffice.OnOfficeCredentials;
import org.formhaus.onoffice.OnOfficeException;
import org.formhaus.onoffice.OnOfficeMetadata;
import org.formhaus.onoffice.UserIdFields;

/**
 * Checks a form's {@code maps} against the field catalogue of the account's onOffice when the form is saved: an
 * unknown field, a form field type that cannot fill the onOffice field, or a static option that is not among the
 * permitted values is a problem naming the field, e.g. {@code fields[3].maps: onOffice has no address field 'Vornme'}.
 * Also checks the {@code "onoffice"} options (see {@link MappingOptions}) and that every user a task, appointment or
 * the lead routing ({@link LeadRouting}) names exists in the account's user list.
 *
 * <p>When the account has no onOffice credentials yet, or onOffice cannot be asked (down, wrong credentials, missing
 * right), only the options are checked and the form is saved: an agency may build forms before connecting, and an
 * outage must not block editing. A mapping onOffice then refuses surfaces at delivery as a failed submission naming
 * onOffice's reason. Thread-safe; one per application. The catalogue is cached by {@link OnOfficeMetadata}.
 */
public final class MappingCheck {

    private static final System.Logger LOG = System.getLogger(MappingCheck.class.getName());
    private static final Set<String> SEARCH_LOCATION = Set.of("range_plz", "range_ort", "range_strasse",
            "range_hausnummer", "range", "range_land", "advisor", "krit_bemerkung", "krit_bemerkung_oeffentlich");
    private static final Set<FieldType> NUMBERS = EnumSet.of(FieldType.NUMBER, FieldType.CURRENCY, FieldType.AREA,
            FieldType.RANGE, FieldType.SELECT, FieldType.RADIO, FieldType.HIDDEN);
    private static final Set<FieldType> DATES = EnumSet.of(FieldType.DATE, FieldType.DATETIME, FieldType.TEXT, FieldType.SELECT,
            FieldType.RADIO, FieldType.HIDDEN);
    private static final Set<FieldType> BOOLEANS = EnumSet.of(FieldType.CONSENT, FieldType.CHECKBOXES,
            FieldType.SELECT, FieldType.RADIO, FieldType.HIDDEN);
    private static final Set<FieldType> SINGLE = EnumSet.of(FieldType.SELECT, FieldType.RADIO, FieldType.HIDDEN);
    private static final Set<FieldType> MULTI = EnumSet.of(FieldType.CHECKBOXES, FieldType.SELECT, FieldType.RADIO,
            FieldType.HIDDEN);

    /** The account's onOffice connection; incomplete credentials when none is set. */
    @FunctionalInterface
    public interface Connections {
        OnOfficeCredentials credentials(long accountId) throws Exception;
    }

    private final Connections connections;
    private final Function<OnOfficeCredentials, OnOfficeClient> clients;
    private final OnOfficeMetadata metadata;
    private final KnownFields known;

    public MappingCheck(Connections connections, Function<OnOfficeCredentials, OnOfficeClient> clients,
                        OnOfficeMetadata metadata, KnownFields known) {
        this.connections = connections;
        this.clients = clients;
        this.metadata = metadata;
        this.known = known;
    }

    public List<Problem> problems(long accountId, FormDefinition form) throws Exception {
        List<Problem> problems = new ArrayList<>();
        MappingOptions options = MappingOptions.parse(form, problems);
        RecordLinks links = RecordLinks.parse(form, problems);
        OnOfficeCredentials credentials = connections.credentials(accountId);
        if (credentials == null || !credentials.complete()) {
            return problems;
        }
        AccountMetadata catalogue;
        try {
            catalogue = metadata.get("account-" + accountId, clients.apply(credentials));
        } catch (OnOfficeException e) {
            LOG.log(Level.WARNING, "Form '" + form.key() + "' saved without checking its mappings against onOffice ("
                    + e.reason() + "): " + e.getMessage());
            return problems;
        }
        known.remember(accountId, catalogue);
        List<Field> fields = form.fields();
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).maps() != null && fields.get(i).type() != FieldType.FILE) {
                check(catalogue, fields.get(i), "fields[" + i + "]", problems);
            }
        }
        List<org.formhaus.forms.ContextMap> contextMaps = org.formhaus.forms.ContextMapReader.of(form);
        for (int i = 0; i < contextMaps.size(); i++) {
            checkContext(catalogue, contextMaps.get(i), "contextMaps[" + i + "]", problems);
        }
        checkUser(catalogue, "onoffice.task.user", options.task() == null ? null : options.task().user(), problems);
        checkUser(catalogue, "onoffice.appointment.user", options.appointment().user(), problems);
        options.routing().namedUsers().forEach((place, user) -> checkUser(catalogue, place, user, problems));
        checkLinks(catalogue, form, links, problems);
        return problems;
    }

    /**
     * A written value's target must be a field of the catalogue that the source field can fill (checked like a
     * {@code maps}); a live rule's record field must exist and, except for equals/notEquals, hold a number.
     */
    private static void checkLinks(AccountMetadata catalogue, FormDefinition form, RecordLinks links,
                                   List<Problem> problems) {
        for (int i = 0; i < links.writeValues().size(); i++) {
            RecordLinks.WriteValue w = links.writeValues().get(i);
            String place = "onoffice.writeValues[" + i + "]";
            Field source = form.field(w.from()).orElseThrow();
            List<Problem> found = new ArrayList<>();
            check(catalogue, source.toBuilder().maps(w.module() + "." + w.field()).build(), place, found);
            // the same judgement as a field's maps, named by the row's own keys
            found.forEach(p -> problems.add(new Problem(p.place().replace(place + ".maps", place + ".to")
                    .replace(place + ".type", place + ".from").replace(place + ".options", place + ".from.options")
                    .replace(place + ".default", place + ".from.default"), p.message())));
        }
        Map<String, FieldInfo> estate = catalogue.fields("estate");
        for (int i = 0; i < links.liveRules().size(); i++) {
            LiveRule rule = links.liveRules().get(i);
            String place = "onoffice.liveRules[" + i + "].record";
            FieldInfo info = estate.get(rule.recordField());
            if (estate.isEmpty()) {
                break;
            } else if (info == null) {
                String hint = closest(rule.recordField(), estate.keySet());
                problems.add(new Problem(place, "onOffice has no estate field '" + rule.recordField() + "'"
                        + (hint == null ? "" : "; did you mean '" + hint + "'?")));
            } else if (rule.compare() != LiveRule.Compare.EQUALS && rule.compare() != LiveRule.Compare.NOT_EQUALS
                    && !Set.of("integer", "int", "float", "decimal").contains(String.valueOf(info.type()))) {
                problems.add(new Problem(place, "onOffice field estate." + rule.recordField() + " is of type "
                        + info.type() + "; only a number can be compared with " + rule.compare().jsonName));
            }
        }
    }

    private static void check(AccountMetadata catalogue, Field field, String place, List<Problem> problems) {
        int dot = field.maps().indexOf('.');
        String module = field.maps().substring(0, dot);
        String name = field.maps().substring(dot + 1);
        if (alwaysAccepted(module, name)) {
            return;
        }
        String lookup = module.equals("searchcriteria") ? name.replaceFirst("__(von|bis)$", "") : name;
        Map<String, FieldInfo> moduleFields = catalogue.fields(KnownFields.catalogueModule(module));
        if (moduleFields.isEmpty()) {
            return; // the catalogue lacks the whole module (e.g. searchCriteriaFields refused): nothing to judge by
        }
        FieldInfo info = moduleFields.get(lookup);
        if (info == null) {
            String hint = closest(lookup, moduleFields.keySet());
            problems.add(new Problem(place + ".maps", "onOffice has no " + module + " field '" + lookup + "'"
                    + (hint == null ? "" : "; did you mean '" + hint + "'?")));
            return;
        }
        String typeProblem = typeProblem(info, field.type());
        if (typeProblem != null) {
            problems.add(new Problem(place + ".type", typeProblem));
            return;
        }
        if (info.isSelect()) {
            List<FieldOption> options = field.options();
            for (int j = 0; j < options.size(); j++) {
                notPermitted(info, module, options.get(j).value(), place + ".options[" + j + "]", problems);
            }
            for (String hidden : field.hiddenOptions()) { // a value hidden from visitors is still one of onOffice's
                notPermitted(info, module, hidden, place + ".hiddenOptions", problems);
            }
            if (field.defaultValue() != null && !field.defaultValue().isBlank()) {
                for (String v : field.defaultValue().split(";")) {
                    notPermitted(info, module, v.strip(), place + ".default", problems);
                }
            }
        }
    }

    /** A {@code contextMaps} entry: the address field exists, and a select field permits every key it may write. */
    private static void checkContext(AccountMetadata catalogue, org.formhaus.forms.ContextMap map, String place,
                                     List<Problem> problems) {
        String name = map.maps().substring(map.maps().indexOf('.') + 1);
        Map<String, FieldInfo> moduleFields = catalogue.fields("address");
        if (moduleFields.isEmpty() || AddressFields.WRITE_KEYS.contains(name)) {
            return;
        }
        FieldInfo info = moduleFields.get(name);
        if (info == null) {
            String hint = closest(name, moduleFields.keySet());
            problems.add(new Problem(place + ".maps", "onOffice has no address field '" + name + "'"
                    + (hint == null ? "" : "; did you mean '" + hint + "'?")));
            return;
        }
        if (!info.isSelect()) {
            return;
        }
        for (int j = 0; j < map.values().size(); j++) {
            notPermitted(info, "address", map.values().get(j).key(), place + ".values[" + j + "].key", problems);
        }
        if (map.fallback() != null) {
            notPermitted(info, "address", map.fallback(), place + ".fallback", problems);
        }
    }

    private static boolean alwaysAccepted(String module, String name) {
        return (module.equals("address") && AddressFields.WRITE_KEYS.contains(name))
                || (module.equals("estate") && name.equals("Id"))
                || (module.equals("agentslog") && AgentsLogFields.isCreateKey(name))
                || (module.equals("searchcriteria") && SEARCH_LOCATION.contains(name));
    }

    /** Why a form field of {@code type} cannot fill the onOffice field, or null when it can. */
    static String typeProblem(FieldInfo info, FieldType type) {
        String t = info.type() == null ? "varchar" : info.type();
        Set<FieldType> allowed = switch (t) {
            case "integer", "int", "float", "decimal" -> NUMBERS;
            case "date", "datetime" -> DATES;
            case "boolean" -> BOOLEANS;
            case "singleselect" -> SINGLE;
            case "multiselect" -> MULTI;
            default -> null;
        };
        String maps = KnownFields.catalogueModule(info.module()) + "." + info.name();
        // a user choice submits the user's ID for a field that takes one (OptionsCatalogue offers the IDs there)
        if (allowed == null || allowed.contains(type) || (type == FieldType.USERSELECT && UserIdFields.takesId(maps))) {
            return null;
        }
        return "onOffice field " + maps + " is of type " + t
                + "; a " + type.jsonName() + " field cannot fill it (use one of "
                + String.join(", ", allowed.stream().map(FieldType::jsonName).toList()) + ")";
    }

    private static void notPermitted(FieldInfo info, String module, String value, String place, List<Problem> problems) {
        String key = ValueConverter.selectKey(info, info.name(), value);
        if (!info.permittedValues().containsKey(key)) {
            List<String> permitted = info.permittedValues().keySet().stream().limit(20).toList();
            problems.add(new Problem(place, "'" + value + "' is not a permitted value of onOffice field " + module + "."
                    + info.name() + " (permitted: " + String.join(", ", permitted) + ")"));
        }
    }

    private static void checkUser(AccountMetadata catalogue, String place, String user, List<Problem> problems) {
        if (user == null || user.equals(MappingOptions.ESTATE_AGENT) || catalogue.usersProblem() != null) {
            return;
        }
        if (catalogue.userByName(user).isEmpty()) {
            problems.add(new Problem(place, "onOffice has no user '" + user + "'"));
        }
    }

    /** A field name within edit distance 2 (ignoring case), to suggest for a typo. */
    static String closest(String name, Set<String> candidates) {
        String best = null;
        int bestDistance = 3;
        for (String c : candidates) {
            int d = distance(name.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return prev[b.length()];
    }
}
