package org.formhaus.mapping;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.formhaus.forms.DefinitionException.Problem;
import org.formhaus.forms.FormDefinition;
import org.formhaus.onoffice.ActionResult;
import org.formhaus.onoffice.Actions;
import org.formhaus.onoffice.OnOfficeRecord;

/**
 * Who is responsible for a submission (issue #12): the rule of the definition's {@code onoffice.routing} picks an
 * onOffice user, whose NAME becomes a new address's supervisor ({@code Benutzer}) and a task's {@code Verantwortung},
 * whose ID an appointment's subscriber, and whose e-mail the notice recipient {@code "responsible"}.
 * <pre>{@code
 * "routing": {"rule": "postcode", "user": "mmakler",
 *             "postcodes": [{"from": "50000", "to": "51999", "user": "tteam"}, {"prefix": "52", "user": "sschulz"}]}
 * }</pre>
 * Rules: {@code estate} (the inquired estate's supervisor, read in the first request), {@code postcode} (the first
 * row whose range or prefix holds the postcode mapped to {@code estate.plz}, else {@code address.Plz}),
 * {@code roundrobin} (the {@code users} in turn, counted per form in the database across instances) and
 * {@code fixed} ({@code user}). {@code user} is also the fallback when the rule names nobody. Without
 * {@code routing}, the responsible agent is the task's or appointment's user, as before (and no supervisor is set).
 *
 * <p>After the first request the answer stands in the submission's records: {@link #responsible(JsonObject)} is the
 * one place to ask, for any step of the last request (tasks, appointments, bookings, notices). Immutable.
 */
public final class LeadRouting {

    /** The records keys: the agent's user name and user id. */
    public static final String USER = "agent.user";
    public static final String USER_ID = "agent.userid";
    /** The inquired estate's {@code benutzer} (a user id), read for the rule {@code estate}. */
    static final String ESTATE_USER_ID = "agent.id";

    /** The rule that picks the agent. */
    public enum Rule {
        ESTATE("estate"), POSTCODE("postcode"), ROUND_ROBIN("roundrobin"), FIXED("fixed");

        private final String jsonName;

        Rule(String jsonName) {
            this.jsonName = jsonName;
        }

        public String jsonName() {
            return jsonName;
        }

        static Rule of(String s) {
            for (Rule r : values()) {
                if (r.jsonName.equals(s)) {
                    return r;
                }
            }
            return null;
        }
    }

    /** One row of the postcode table: a range {@code from}–{@code to} or a {@code prefix}, and the user. */
    public record PostcodeRow(String from, String to, String prefix, String user) {

        boolean holds(String postcode) {
            String pc = postcode.strip();
            if (prefix != null) {
                return pc.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT));
            }
            return compare(from, pc) <= 0 && compare(pc, to) <= 0;
        }

        /** Postcodes of digits compare as numbers (01067 < 10115); others as text, ignoring case. */
        private static int compare(String a, String b) {
            if (a.matches("\\d{1,12}") && b.matches("\\d{1,12}")) {
                return new BigInteger(a).compareTo(new BigInteger(b));
            }
            return a.compareToIgnoreCase(b);
        }
    }

    /** The responsible agent: an onOffice user NAME and, when known, the user's ID. */
    public record Agent(String userName, Long userId) {
    }

    /** Gives a submission its round-robin turn (1, 2, ...), the same each time it is asked for that submission. */
    @FunctionalInterface
    public interface Turns {
        long turn(long accountId, String formKey, String submissionId) throws java.sql.SQLException;
    }

    private final Rule rule;
    private final String user;
    private final List<PostcodeRow> postcodes;
    private final List<String> users;
    private final boolean configured;

    private LeadRouting(Rule rule, String user, List<PostcodeRow> postcodes, List<String> users, boolean configured) {
        this.rule = rule;
        this.user = user;
        this.postcodes = List.copyOf(postcodes);
        this.users = List.copyOf(users);
        this.configured = configured;
    }

    /** The form's routing; without {@code routing}, the one its task or appointment user implies (or none). */
    public static LeadRouting of(FormDefinition form) {
        return parse(form, new ArrayList<>());
    }

    static LeadRouting parse(FormDefinition form, List<Problem> problems) {
        JsonObject onoffice = form.source() != null && form.source().has("onoffice")
                && form.source().get("onoffice").isJsonObject() ? form.source().getAsJsonObject("onoffice")
                : new JsonObject();
        JsonElement raw = onoffice.get("routing");
        if (raw == null || raw.isJsonNull()) {
            return implied(onoffice);
        }
        String place = "onoffice.routing";
        if (!raw.isJsonObject()) {
            problems.add(new Problem(place, "must be an object {\"rule\": ...}"));
            return implied(onoffice);
        }
        JsonObject o = raw.getAsJsonObject();
        String r = string(o, "rule");
        Rule rule = Rule.of(r);
        if (rule == null) {
            problems.add(new Problem(place + ".rule", "must be estate, postcode, roundrobin or fixed"));
            return implied(onoffice);
        }
        String user = string(o, "user");
        List<PostcodeRow> rows = new ArrayList<>();
        JsonElement table = o.get("postcodes");
        if (table != null && !table.isJsonNull()) {
            if (!table.isJsonArray()) {
                problems.add(new Problem(place + ".postcodes", "must be a list of rows"));
            } else {
                for (int i = 0; i < table.getAsJsonArray().size(); i++) {
                    PostcodeRow row = row(table.getAsJsonArray().get(i), place + ".postcodes[" + i + "]", problems);
                    if (row != null) {
                        rows.add(row);
                    }
                }
            }
        }
        List<String> users = new ArrayList<>();
        JsonElement list = o.get("users");
        if (list != null && !list.isJsonNull()) {
            if (!list.isJsonArray()) {
                problems.add(new Problem(place + ".users", "must be a list of onOffice user names"));
            } else {
                for (int i = 0; i < list.getAsJsonArray().size(); i++) {
                    JsonElement e = list.getAsJsonArray().get(i);
                    if (!e.isJsonPrimitive() || e.getAsString().isBlank()) {
                        problems.add(new Problem(place + ".users[" + i + "]", "must be an onOffice user name"));
                    } else {
                        users.add(e.getAsString().strip());
                    }
                }
            }
        }
        switch (rule) {
            case FIXED -> {
                if (user == null) problems.add(new Problem(place + ".user", "the rule fixed needs a user"));
            }
            case POSTCODE -> {
                if (rows.isEmpty()) problems.add(new Problem(place + ".postcodes", "the rule postcode needs rows"));
                if (form.fields().stream().noneMatch(f -> "address.Plz".equals(f.maps())
                        || "estate.plz".equals(f.maps()))) {
                    problems.add(new Problem(place + ".rule", "the rule postcode needs a field mapped to "
                            + "address.Plz or estate.plz"));
                }
            }
            case ROUND_ROBIN -> {
                if (users.isEmpty()) problems.add(new Problem(place + ".users", "the rule roundrobin needs users"));
            }
            default -> {
            }
        }
        JsonElement appointment = onoffice.get("appointment");
        if ((rule == Rule.POSTCODE || rule == Rule.ROUND_ROBIN) && appointment != null && appointment.isJsonObject()
                && appointment.getAsJsonObject().has("slots")) {
            problems.add(new Problem(place + ".rule", "viewing slots are offered from one agent's calendar before "
                    + "the visitor sends: use the rule estate or fixed"));
        }
        for (String section : List.of("task", "appointment")) {
            JsonElement s = onoffice.get(section);
            if (s != null && s.isJsonObject() && string(s.getAsJsonObject(), "user") != null) {
                problems.add(new Problem("onoffice." + section + ".user", "with routing, the " + section + " goes to "
                        + "the routed agent: leave " + section + ".user empty"));
            }
        }
        return new LeadRouting(rule, user, rows, users, true);
    }

    /** Routing as earlier versions had it: the task's (else appointment's) user, "estate" or a name. */
    private static LeadRouting implied(JsonObject onoffice) {
        for (String section : List.of("task", "appointment")) {
            JsonElement s = onoffice.get(section);
            String u = s != null && s.isJsonObject() ? string(s.getAsJsonObject(), "user") : null;
            if (u != null) {
                return u.equals(MappingOptions.ESTATE_AGENT) ? new LeadRouting(Rule.ESTATE, null, List.of(), List.of(),
                        false) : new LeadRouting(Rule.FIXED, u, List.of(), List.of(), false);
            }
        }
        return new LeadRouting(null, null, List.of(), List.of(), false);
    }

    private static PostcodeRow row(JsonElement e, String place, List<Problem> problems) {
        if (!e.isJsonObject()) {
            problems.add(new Problem(place, "must be an object {\"from\", \"to\", \"user\"} or {\"prefix\", \"user\"}"));
            return null;
        }
        JsonObject o = e.getAsJsonObject(); // unknown keys: forms.SectionKeys
        String from = string(o, "from");
        String to = string(o, "to");
        String prefix = string(o, "prefix");
        String user = string(o, "user");
        if (user == null) {
            problems.add(new Problem(place + ".user", "name the onOffice user"));
        }
        if (prefix == null && (from == null || to == null)) {
            problems.add(new Problem(place, "give a prefix, or from and to"));
            return null;
        }
        if (prefix != null && (from != null || to != null)) {
            problems.add(new Problem(place + ".prefix", "give either a prefix or from and to, not both"));
        }
        if (prefix == null && PostcodeRow.compare(from, to) > 0) {
            problems.add(new Problem(place + ".to", "must not be below from"));
        }
        return user == null ? null : new PostcodeRow(from, to, prefix, user);
    }

    /** Whether the definition says {@code routing} itself (rather than implying it by a task or appointment user). */
    public boolean configured() {
        return configured;
    }

    /** The rule, or null when the form routes to nobody. */
    public Rule rule() {
        return rule;
    }

    /** The fixed user (rule fixed), or the fallback when another rule names nobody; null when none. */
    public String user() {
        return user;
    }

    public List<PostcodeRow> postcodes() {
        return postcodes;
    }

    public List<String> users() {
        return users;
    }

    /** Every user name the routing names, by its place in the definition, for the check against onOffice. */
    Map<String, String> namedUsers() {
        Map<String, String> out = new LinkedHashMap<>();
        if (!configured) {
            return out;
        }
        if (user != null) {
            out.put("onoffice.routing.user", user);
        }
        for (int i = 0; i < postcodes.size(); i++) {
            out.put("onoffice.routing.postcodes[" + i + "].user", postcodes.get(i).user());
        }
        for (int i = 0; i < users.size(); i++) {
            out.put("onoffice.routing.users[" + i + "]", users.get(i));
        }
        return out;
    }

    /**
     * The agent's name as chosen before onOffice is asked: the fixed user, the postcode row's, the round-robin turn's;
     * null for the rule estate (decided by the first request) and when no rule or row names one and no fallback
     * exists.
     */
    String chosen(MappedValues mapped, java.util.function.LongSupplier turn) {
        if (rule == null) {
            return null;
        }
        return switch (rule) {
            case FIXED -> user;
            case ESTATE -> null;
            case POSTCODE -> {
                Object pc = mapped.module("estate").getOrDefault("plz", mapped.module("address").get("Plz"));
                String postcode = pc == null ? "" : String.join("", ValueConverter.values(pc));
                yield postcodes.stream().filter(r -> !postcode.isBlank() && r.holds(postcode)).map(PostcodeRow::user)
                        .findFirst().orElse(user);
            }
            case ROUND_ROBIN -> users.get((int) ((turn.getAsLong() - 1) % users.size()));
        };
    }

    /**
     * The first request's steps that find the agent's name and id ({@link #USER}, {@link #USER_ID}): for the rule
     * estate the estate's {@code benutzer} and the user list; for a name chosen beforehand the user list, for the id.
     *
     * @param chosen   the name {@link #chosen} gave, recorded before the first request
     * @param estateId the inquired estate (rule estate); null when the form asks about none
     * @param needsId  whether a step needs the user id (an appointment, a booking); the name alone needs no request
     */
    List<PlannedStep> steps(String chosen, String estateId, boolean needsId) {
        List<PlannedStep> steps = new ArrayList<>();
        if (rule == Rule.ESTATE && estateId != null) {
            steps.add(new PlannedStep(ESTATE_USER_ID, r -> Actions.readEstate(estateId, List.of("benutzer")),
                    (result, stage) -> orEmpty(result.records().isEmpty() ? null
                            : result.records().get(0).get("benutzer")), true, null));
            steps.add(new PlannedStep(USER, r -> Actions.getUsers(), (result, stage) -> {
                OnOfficeRecord u = byId(result, estateUserId(stage));
                return u != null ? orEmpty(u.get("username")) : orEmpty(user);
            }, true, null));
            if (needsId || configured) {
                steps.add(new PlannedStep(USER_ID, r -> Actions.getUsers(), (result, stage) -> {
                    OnOfficeRecord u = byId(result, estateUserId(stage));
                    return u != null ? idOf(u) : user == null ? "" : idOf(byName(result, user));
                }, true, null));
            }
        } else if (chosen != null && (needsId || configured)) {
            steps.add(new PlannedStep(USER_ID, r -> Actions.getUsers(),
                    (result, stage) -> idOf(byName(result, chosen)), true, null));
        }
        return steps;
    }

    /**
     * The responsible agent of a submission, from its records once the first request has run: the name recorded
     * as {@code agent.user} and the id recorded as {@code agent.userid} (else the estate's {@code benutzer}); empty
     * when the form routes to nobody or the lookup found no one.
     */
    public static Optional<Agent> responsible(JsonObject records) {
        String name = text(records, USER);
        if (name == null) {
            return Optional.empty();
        }
        String id = text(records, USER_ID);
        if (id == null) {
            id = text(records, ESTATE_USER_ID);
        }
        return Optional.of(new Agent(name, id != null && id.matches("\\d{1,18}") ? Long.valueOf(id) : null));
    }

    private static String estateUserId(Map<String, ActionResult> stage) {
        ActionResult read = stage.get(ESTATE_USER_ID);
        return read == null || !read.ok() || read.records().isEmpty() ? null : read.records().get(0).get("benutzer");
    }

    private static OnOfficeRecord byId(ActionResult users, String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        for (OnOfficeRecord u : users.records()) {
            if (id.equals(u.id()) || id.equals(u.get("id"))) {
                return u;
            }
        }
        return null;
    }

    private static OnOfficeRecord byName(ActionResult users, String name) {
        for (OnOfficeRecord u : users.records()) {
            if (name.equals(u.get("username"))) {
                return u;
            }
        }
        return null;
    }

    private static String idOf(OnOfficeRecord u) {
        return u == null ? "" : orEmpty(u.get("id") != null ? u.get("id") : u.id());
    }

    private static String text(JsonObject records, String key) {
        JsonElement e = records.get(key);
        return e == null || !e.isJsonPrimitive() || e.getAsString().isBlank() ? null : e.getAsString().strip();
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || !e.isJsonPrimitive() || e.getAsString().isBlank() ? null : e.getAsString().strip();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
