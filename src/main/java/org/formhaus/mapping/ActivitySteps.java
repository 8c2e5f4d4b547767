package org.formhaus.mapping;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.formhaus.forms.FormDefinition;
import org.formhaus.forms.FormKind;
import org.formhaus.onoffice.Action;
import org.formhaus.onoffice.Actions;

/**
 * The last-stage steps that record what the visitor asked for: the agent's log entry (activity), and either a
 * calendar appointment or a task, each linked to the address and estate created or inquired before. Each carries the
 * submission's {@link RecordTag} as the last line of a text field (the entry's note, the task's comment, the
 * appointment's note), so that a try after a lost reply finds it ({@link TagProbes}) instead of creating it again.
 * Stateless.
 */
final class ActivitySteps {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ActivitySteps() {
    }

    /** The agent's log entry: the options' action kind and type unless mapped, the form named in the note. */
    static PlannedStep agentsLog(FormDefinition form, MappedValues mapped, MappingOptions options, String estateRef,
                                 RecordTag tag) {
        return agentsLog(form, mapped, options, estateRef, tag, () -> "");
    }

    /**
     * As above; {@code matchNote} gives what the agent should know about an existing contact (the values that
     * differ, {@link ContactMatch#note()}), written after the form's name.
     */
    static PlannedStep agentsLog(FormDefinition form, MappedValues mapped, MappingOptions options, String estateRef,
                                 RecordTag tag, java.util.function.Supplier<String> matchNote) {
        return PlannedStep.create("agentslog", r -> {
            Map<String, Object> extra = new LinkedHashMap<>();
            mapped.module("agentslog").forEach((name, value) -> extra.put(AgentsLogFields.createKey(name), value));
            String actionKind = (String) extra.getOrDefault("actionkind", options.activity().actionKind());
            String actionType = (String) extra.getOrDefault("actiontype", options.activity().actionType());
            Object note = extra.get("note");
            extra.remove("actionkind");
            extra.remove("actiontype");
            extra.remove("note");
            String text = (note == null ? "" : note + "\n\n") + "Formular: " + form.title() + " (" + form.key() + ")";
            String differences = matchNote.get();
            if (!differences.isEmpty()) {
                text += "\n\n" + differences;
            }
            return Actions.createAgentsLog(addresses(r), estate(r, estateRef), actionKind, actionType,
                    tag.appendTo(text), extra);
        }).withProbe(TagProbes.agentsLog(tag, estateRef));
    }

    /**
     * An appointment when the form asks for one with a start time (and the options do not turn it into a task), else
     * a task when the options ask for one or the form is an appointment request; null when neither.
     */
    /** Whether {@link #appointmentOrTask} makes a calendar appointment (not a task). */
    static boolean writesAppointment(MappedValues mapped, MappingOptions options, FormKind kind) {
        boolean appointment = kind == FormKind.APPOINTMENT || (kind == FormKind.CUSTOM && mapped.has("calendar"));
        return appointment && !options.appointment().asTask() && mapped.module("calendar").containsKey("start_dt");
    }

    /**
     * For a form that offers viewing slots: the stage-one read that looks again whether the slot is still free in
     * the agent's calendar ({@link SlotClash}); null for other forms and when the appointment has no subscriber.
     */
    static PlannedStep slotClash(FormDefinition form, MappedValues mapped, MappingOptions options, FormKind kind,
                                 RecordTag tag) {
        java.util.Optional<SlotWindow> window = SlotWindow.of(form);
        boolean agent = options.routing().configured() || options.appointment().user() != null;
        if (window.isEmpty() || !agent || !writesAppointment(mapped, options, kind)) {
            return null;
        }
        String start = start(mapped);
        return SlotClash.step(window.get(), start, end(mapped, options, start), tag);
    }

    static PlannedStep appointmentOrTask(FormDefinition form, MappedValues mapped, MappingOptions options,
                                         FormKind kind, String estateRef, RecordTag tag) {
        boolean appointment = kind == FormKind.APPOINTMENT || (kind == FormKind.CUSTOM && mapped.has("calendar"));
        if (writesAppointment(mapped, options, kind)) {
            return PlannedStep.create("calendar", r -> appointment(form, mapped, options, r, estateRef, tag))
                    .withProbe(TagProbes.appointment(tag, () -> start(mapped)));
        } else if (options.task() != null || appointment) {
            return PlannedStep.create("task", r -> task(form, mapped, options, appointment, r, estateRef, tag))
                    .withProbe(TagProbes.task(tag, estateRef));
        }
        return null;
    }

    private static Action task(FormDefinition form, MappedValues mapped, MappingOptions options, boolean appointment,
                               JsonObject r, String estateRef, RecordTag tag) {
        Map<String, Object> data = new LinkedHashMap<>();
        MappingOptions.Task t = options.task();
        data.put("Betreff", t != null && t.subject() != null ? t.subject() : form.title() + ": " + who(mapped));
        data.put("Aufgabe", mapped.summary());
        data.put("Prio", String.valueOf(t == null ? 3 : t.priority()));
        data.put("Status", "1");
        String user = options.routing().configured()
                ? LeadRouting.responsible(r).map(LeadRouting.Agent::userName).orElse(null)
                : AgentLookup.user(t == null ? options.appointment().user() : t.user(), r);
        if (user != null) {
            data.put("Verantwortung", user);
        }
        if (t != null && t.deadlineDays() != null) {
            data.put("Deadline", LocalDateTime.now().plusDays(t.deadlineDays()).withNano(0).format(DATE_TIME));
        }
        Object start = mapped.module("calendar").get("start_dt");
        if (appointment && start != null) {
            data.put("Beginnt_am", ValueConverter.dateTime("start_dt", start.toString()));
        }
        data.putAll(mapped.module("task"));
        data.put("Kommentar", tag.appendTo(data.get("Kommentar")));
        return Actions.createTask(data, r.has("address") ? r.get("address").getAsString() : null, estate(r, estateRef));
    }

    private static Action appointment(FormDefinition form, MappedValues mapped, MappingOptions options, JsonObject r,
                                      String estateRef, RecordTag tag) {
        Map<String, Object> data = new LinkedHashMap<>(mapped.module("calendar"));
        String start = start(mapped);
        data.put("start_dt", start);
        data.put("end_dt", end(mapped, options, start));
        data.putIfAbsent("description", form.title() + ": " + who(mapped));
        data.put("note", tag.appendTo(data.containsKey("note") ? data.get("note") : mapped.summary()));
        data.putIfAbsent("status", "active");
        if (options.appointment().art() != null) {
            data.putIfAbsent("art", options.appointment().art());
        }
        // subscribers.users are user IDs (numbers), unlike a task's Verantwortung (a NAME): onoffice-api.md §6
        Long user = options.routing().configured()
                ? LeadRouting.responsible(r).map(LeadRouting.Agent::userId).orElse(null)
                : AgentLookup.userId(options.appointment().user(), r);
        SlotClash.mark(data, SlotClash.ofAgent(r, user));
        Action action = Actions.createAppointment(data, addresses(r), estateRef);
        if (user != null) {
            JsonObject subscribers = new JsonObject();
            JsonArray users = new JsonArray();
            users.add(user);
            subscribers.add("users", users);
            action.parameters().add("subscribers", subscribers);
        }
        return action;
    }

    /** The appointment's end as sent: the mapped {@code end_dt}, else the start plus the options' duration. */
    private static String end(MappedValues mapped, MappingOptions options, String start) {
        Object end = mapped.module("calendar").get("end_dt");
        return end != null ? ValueConverter.dateTime("end_dt", end.toString()) : LocalDateTime.parse(start, DATE_TIME)
                .plusMinutes(options.appointment().durationMinutes()).format(DATE_TIME);
    }

    /** The appointment's start as sent: {@code yyyy-MM-dd HH:mm:ss}. */
    private static String start(MappedValues mapped) {
        return ValueConverter.dateTime("start_dt", mapped.module("calendar").get("start_dt").toString());
    }

    private static List<String> addresses(JsonObject r) {
        return r.has("address") ? List.of(r.get("address").getAsString()) : List.of();
    }

    private static String estate(JsonObject r, String estateRef) {
        return r.has("estate") ? r.get("estate").getAsString() : estateRef;
    }

    /** The visitor's name, else their e-mail address: what a task's subject or an appointment names. */
    private static String who(MappedValues mapped) {
        Map<String, Object> a = mapped.module("address");
        String name = (String.valueOf(a.getOrDefault("Vorname", "")) + " " + a.getOrDefault("Name", "")).strip();
        return !name.isEmpty() ? name : String.valueOf(a.getOrDefault("Email", a.getOrDefault("email", "")));
    }
}
