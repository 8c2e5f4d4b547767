package org.formhaus.forms;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One JSON object of a definition, read at its path ({@code ""} for the definition, {@code fields[3]},
 * {@code fields[3].showIf}): typed reads that add a problem named by path and member when a value has the wrong
 * shape, instead of throwing, so that one parse reports every problem. Remembers which members were read, so that
 * {@link #refuseUnread()} can name the keys nobody knows. A strict reader (a definition being saved) refuses them; a
 * lenient one (a definition loaded from the database, saved before a key was refused) lets them pass. Not
 * thread-safe; lives for one parse.
 */
final class ObjectReader {

    private final JsonObject json;
    private final String path;
    private final List<DefinitionException.Problem> problems;
    private final boolean strict;
    private final Set<String> read = new HashSet<>();
    /** Form builder's schema fence: every key any reader of this parse asks for, by path ({@code fields[].label}). */
    private final Set<String> asked;

    ObjectReader(JsonObject json, String path, List<DefinitionException.Problem> problems, boolean strict) {
        this(json, path, problems, strict, null);
    }

    ObjectReader(JsonObject json, String path, List<DefinitionException.Problem> problems, boolean strict,
                 Set<String> asked) {
        this.json = json;
        this.path = path;
        this.problems = problems;
        this.strict = strict;
        this.asked = asked;
    }

    private void ask(String member) {
        read.add(member);
        if (asked != null) {
            asked.add(at(member).replaceAll("\\[[0-9]+]", "[]"));
        }
    }

    /** The members the object holds, read or not. */
    Set<String> keys() {
        return json.keySet();
    }

    /** Whether a problem was reported at {@code member}'s place already. */
    boolean hasProblem(String member) {
        String place = at(member);
        return problems.stream().anyMatch(p -> p.place().equals(place));
    }

    /** Whether unknown keys are refused: true while a definition is being saved. */
    boolean strict() {
        return strict;
    }

    /** The place of a member, e.g. {@code fields[3].maxLength}. */
    String at(String member) {
        return path.isEmpty() ? member : path + "." + member;
    }

    String path() {
        return path;
    }

    /** Reports a problem with {@code member} (named by its place). */
    void problem(String member, String message) {
        problems.add(new DefinitionException.Problem(at(member), message));
    }

    /** How many problems the whole parse has found so far. */
    int problemCount() {
        return problems.size();
    }

    /** The member as it is, or null when absent; marks it read. */
    JsonElement raw(String member) {
        ask(member);
        return json.get(member);
    }

    /** Whether the member is present (even as null); marks it read. */
    boolean has(String member) {
        ask(member);
        return json.has(member);
    }

    /** A reader for the object under {@code member}, at its path; null when the member is not an object. */
    ObjectReader object(String member) {
        JsonElement e = raw(member);
        return e != null && e.isJsonObject() ? new ObjectReader(e.getAsJsonObject(), at(member), problems, strict, asked)
                : null;
    }

    /** A reader for another object at {@code place} (e.g. an array element), sharing this parse's problems. */
    ObjectReader child(JsonObject object, String place) {
        return new ObjectReader(object, place, problems, strict, asked);
    }

    /** A scalar as a string (numbers and booleans as their text); null when absent, null, an object or an array. */
    String string(String member) {
        JsonElement e = raw(member);
        return e == null || e.isJsonNull() || !e.isJsonPrimitive() ? null : e.getAsString();
    }

    /** true or false; absent or null is false; anything else is a problem. */
    boolean bool(String member) {
        JsonElement e = raw(member);
        if (e == null || e.isJsonNull()) {
            return false;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            problem(member, "must be true or false");
            return false;
        }
        return e.getAsBoolean();
    }

    /** A number; null when absent or null, or (with a problem) when not a number. */
    BigDecimal decimal(String member) {
        JsonElement e = raw(member);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        try {
            return e.getAsBigDecimal();
        } catch (RuntimeException ex) {
            problem(member, "must be a number");
            return null;
        }
    }

    /** A whole number, not negative (a negative one is returned and reported). */
    Integer integer(String member) {
        BigDecimal value = decimal(member);
        if (value == null) {
            return null;
        }
        try {
            int i = value.intValueExact();
            if (i < 0) {
                problem(member, "must not be negative");
            }
            return i;
        } catch (ArithmeticException e) {
            problem(member, "must be a whole number");
            return null;
        }
    }

    /** An ISO date (normalised) or {@code "today"}; null when absent or (with a problem) not a date. */
    String date(String member) {
        String s = string(member);
        if (s == null || s.equals("today")) {
            return s;
        }
        try {
            return LocalDate.parse(s).toString();
        } catch (DateTimeParseException e) {
            problem(member, "must be a date YYYY-MM-DD or 'today'");
            return null;
        }
    }

    /**
     * Reports every member that no read asked for: {@code unknown key 'x'} at its place, e.g.
     * {@code fields[0].password: unknown key 'password'}; nothing when the reader is lenient. Call it after reading
     * everything the object may hold.
     */
    void refuseUnread() {
        if (!strict) {
            return;
        }
        Set<String> unknown = new TreeSet<>(json.keySet());
        unknown.removeAll(read);
        for (String key : unknown) {
            problem(key, "unknown key '" + key + "'");
        }
    }
}
