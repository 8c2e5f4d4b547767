package org.formhaus.mapping;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.formhaus.forms.DefinitionException.Problem;
import org.formhaus.forms.Field;
import org.formhaus.forms.FieldType;
import org.formhaus.forms.FormDefinition;
import org.formhaus.forms.FormKind;

/**
 * Where a viewing form offers free slots from the responsible agent's onOffice calendar, from the definition's
 * {@code onoffice.appointment.slots} ({@code true} for the defaults, or an object):
 * <pre>{@code
 * "slots": {"daysAhead": 14, "weekdays": ["mon","tue","wed","thu","fri"], "from": "09:00", "to": "18:00",
 *           "slotMinutes": 60, "bufferMinutes": 15, "count": 12}
 * }</pre>
 * Slots lie on a grid: each offered day from {@code from}, one every {@code slotMinutes + bufferMinutes}, the last
 * ending by {@code to}; the first day is tomorrow, the last {@code daysAhead} days ahead, all in onOffice's local
 * time ({@link #ZONE}). A slot is free when no appointment of the agent lies within {@code bufferMinutes} of it.
 * Only {@code appointment} forms with a {@code datetime} field mapped to {@code calendar.start_dt} take it. Immutable.
 */
public record SlotWindow(int daysAhead, Set<DayOfWeek> weekdays, LocalTime from, LocalTime to, int slotMinutes,
                         int bufferMinutes, int count) {

    /** onOffice's appointment times are the customer's local time (onoffice-api.md, Appointment: assumed Berlin). */
    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    /** The field the slots are offered in: the one mapped to the appointment's start. */
    public static final String START = "calendar.start_dt";

    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    public SlotWindow {
        weekdays = Set.copyOf(weekdays);
    }

    /** The form's slot window, when it offers slots. */
    public static Optional<SlotWindow> of(FormDefinition form) {
        return Optional.ofNullable(parse(form, new ArrayList<>()));
    }

    /** Parses {@code onoffice.appointment.slots}, adding a problem (place {@code onoffice.appointment.slots.x}) for each bad member. */
    static SlotWindow parse(FormDefinition form, List<Problem> problems) {
        JsonObject appointment = section(form.source() == null ? null : form.source().get("onoffice"), "appointment");
        JsonElement raw = appointment == null ? null : appointment.get("slots");
        if (raw == null || raw.isJsonNull() || isFalse(raw)) {
            return null;
        }
        String place = "onoffice.appointment.slots";
        if (!raw.isJsonObject() && !isTrue(raw)) {
            problems.add(new Problem(place, "must be true, false or an object"));
            return null;
        }
        if (form.kind() != FormKind.APPOINTMENT) {
            problems.add(new Problem(place, "only appointment forms offer slots"));
        } else if (startField(form).isEmpty()) {
            problems.add(new Problem(place, "needs a field of type datetime mapped to " + START));
        }
        LeadRouting routing = LeadRouting.of(form);
        if (routing.configured() && routing.rule() != LeadRouting.Rule.ESTATE
                && routing.rule() != LeadRouting.Rule.FIXED) {
            problems.add(new Problem(place, "needs an agent known before the visitor chooses: routing by estate or "
                    + "fixed (" + routing.rule().jsonName() + " routing chooses from what is submitted)"));
        }
        JsonObject o = raw.isJsonObject() ? raw.getAsJsonObject() : new JsonObject();
        JsonElement d = appointment.get("durationMinutes");
        int duration = d != null && d.isJsonPrimitive() && d.getAsJsonPrimitive().isNumber() ? d.getAsInt() : 60;
        int slot = MappingOptions.integer(o, place, "slotMinutes", duration >= 5 && duration <= 480 ? duration : 60,
                5, 480, problems);
        int buffer = MappingOptions.integer(o, place, "bufferMinutes", 0, 0, 240, problems);
        LocalTime from = time(o, place, "from", LocalTime.of(9, 0), problems);
        LocalTime to = time(o, place, "to", LocalTime.of(18, 0), problems);
        if (!from.plusMinutes(slot).isAfter(from) || from.plusMinutes(slot).isAfter(to)) {
            problems.add(new Problem(place + ".to", "leaves no slot of " + slot + " minutes after 'from'"));
        }
        return new SlotWindow(MappingOptions.integer(o, place, "daysAhead", 14, 1, 90, problems),
                weekdays(o, place, problems),
                from, to, slot, buffer, MappingOptions.integer(o, place, "count", 12, 1, 50, problems));
    }

    /**
     * Whose calendar the slots come from, as the form's lead routing ({@link LeadRouting}, the one place that says who
     * is responsible) answers it before the visitor submits: an onOffice user name, or {@code "estate"} for the
     * inquired estate's responsible user. Routing by estate gives the estate's agent ({@code hasEstate}), else its
     * fallback {@code user}; fixed routing its user; without routing, the appointment's (else the task's) user. Null
     * when none is known before delivery (postcode and round-robin routing choose from what is submitted).
     */
    public static String agent(FormDefinition form, boolean hasEstate) {
        LeadRouting routing = LeadRouting.of(form);
        if (!routing.configured()) {
            String user = MappingOptions.of(form).appointment().user();
            return user == null || (estateAgent(user) && !hasEstate) ? null : user;
        }
        return switch (routing.rule()) {
            case ESTATE -> hasEstate ? MappingOptions.ESTATE_AGENT : routing.user();
            case FIXED -> routing.user();
            default -> null;
        };
    }

    /** Whether {@link #agent} names the inquired estate's responsible user rather than a fixed user. */
    public static boolean estateAgent(String agent) {
        return MappingOptions.ESTATE_AGENT.equals(agent);
    }

    /** The datetime field the visitor picks a slot in. */
    public static Optional<Field> startField(FormDefinition form) {
        return form.fields().stream().filter(f -> START.equals(f.maps()) && f.type() == FieldType.DATETIME)
                .findFirst();
    }

    /** The first and last day slots may fall on, seen {@code now}. */
    public LocalDate firstDay(LocalDateTime now) {
        return now.toLocalDate().plusDays(1);
    }

    public LocalDate lastDay(LocalDateTime now) {
        return now.toLocalDate().plusDays(daysAhead);
    }

    /** Every slot start of the window seen {@code now}, earliest first (free or not). */
    public List<LocalDateTime> grid(LocalDateTime now) {
        List<LocalDateTime> starts = new ArrayList<>();
        for (LocalDate day = firstDay(now); !day.isAfter(lastDay(now)); day = day.plusDays(1)) {
            if (!weekdays.contains(day.getDayOfWeek())) {
                continue;
            }
            for (LocalDateTime at = day.atTime(from); !at.plusMinutes(slotMinutes).isAfter(day.atTime(to));
                 at = at.plusMinutes(slotMinutes + bufferMinutes)) {
                starts.add(at);
            }
        }
        return starts;
    }

    /** Whether {@code start} is one of the window's slots seen {@code now}. */
    public boolean onGrid(LocalDateTime start, LocalDateTime now) {
        LocalDate day = start.toLocalDate();
        if (day.isBefore(firstDay(now)) || day.isAfter(lastDay(now)) || !weekdays.contains(day.getDayOfWeek())) {
            return false;
        }
        long minutes = java.time.Duration.between(day.atTime(from), start).toMinutes();
        return minutes >= 0 && minutes % (slotMinutes + bufferMinutes) == 0 && start.getSecond() == 0
                && !start.plusMinutes(slotMinutes).isAfter(day.atTime(to));
    }

    private static Set<DayOfWeek> weekdays(JsonObject o, String place, List<Problem> problems) {
        JsonElement raw = o.get("weekdays");
        if (raw == null) {
            return EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        JsonArray list = raw.isJsonArray() ? raw.getAsJsonArray() : new JsonArray();
        for (JsonElement e : list) {
            int i = e.isJsonPrimitive() ? DAYS.indexOf(e.getAsString().toLowerCase(Locale.ROOT)) : -1;
            if (i < 0) {
                problems.add(new Problem(place + ".weekdays", "must list days as mon, tue, wed, thu, fri, sat, sun"));
                return EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
            }
            days.add(DayOfWeek.of(i + 1));
        }
        if (days.isEmpty()) {
            problems.add(new Problem(place + ".weekdays", "must list at least one day (mon ... sun)"));
            return EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        }
        return days;
    }

    private static LocalTime time(JsonObject o, String place, String key, LocalTime fallback, List<Problem> problems) {
        JsonElement e = o.get(key);
        if (e == null) {
            return fallback;
        }
        try {
            String s = e.getAsString().strip();
            if (s.matches("\\d{1,2}:\\d{2}")) {
                return LocalTime.parse(s.length() == 4 ? "0" + s : s);
            }
        } catch (RuntimeException | Error ignored) {
            // reported below
        }
        problems.add(new Problem(place + "." + key, "must be a time of day as HH:MM"));
        return fallback;
    }

    private static JsonObject section(JsonElement parent, String name) {
        if (parent == null || !parent.isJsonObject()) {
            return null;
        }
        JsonElement e = parent.getAsJsonObject().get(name);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
    }

    private static boolean isFalse(JsonElement e) {
        return e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean() && !e.getAsBoolean();
    }

    private static boolean isTrue(JsonElement e) {
        return e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean() && e.getAsBoolean();
    }
}
