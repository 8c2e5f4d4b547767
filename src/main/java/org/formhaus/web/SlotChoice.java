package org.formhaus.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.formhaus.forms.Field;
import org.formhaus.forms.FieldOption;
import org.formhaus.forms.Messages;
import org.formhaus.http.Json;
import org.formhaus.viewings.SlotOffer;

/**
 * How the field mapped to the appointment's start shows a viewing form's {@link SlotOffer}: the free slots as radio
 * buttons (a fieldset with the field's label as legend; form.js checks the choice like any radio group), or, when
 * none can be offered, the field's own date-and-time input with a note saying why, so the visitor can still ask for a
 * time. Stateless.
 */
final class SlotChoice {

    /** The hidden input carrying the offer's token: whose calendar the slots are from. */
    static final String TOKEN_INPUT = "_fh_slot";

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");
    private static final DateTimeFormatter GERMAN = DateTimeFormatter.ofPattern("EEE, dd.MM.uuuu, HH:mm 'Uhr'",
            Locale.GERMAN);
    private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("EEE d MMM uuuu, HH:mm",
            Locale.ENGLISH);

    private SlotChoice() {
    }

    /** Changes {@code view} ({@link FieldView#of}'s) to show {@code offer}. */
    static void apply(Map<String, Object> view, Field f, SlotOffer offer, Messages t) {
        if (offer.status() != SlotOffer.Status.OFFERED) {
            String note = t.get(offer.status() == SlotOffer.Status.NONE_FREE ? "form.slots.noneFree"
                    : "form.slots.unavailable");
            view.put("help", f.help() == null ? note : note + " " + f.help());
            String id = view.get("id") + "-help";
            String described = view.get("describedBy").toString();
            if (!described.contains(id)) {
                view.put("describedBy", (id + " " + described).strip());
            }
            return;
        }
        List<FieldOption> options = new ArrayList<>();
        JsonArray values = new JsonArray();
        DateTimeFormatter label = t.language().equals("de") ? GERMAN : ENGLISH;
        for (LocalDateTime slot : offer.slots()) {
            options.add(new FieldOption(slot.format(ISO), slot.format(label)));
            values.add(slot.format(ISO));
        }
        view.put("type", "radio");
        view.put("options", options);
        view.put("focusId", view.get("id") + "-0");
        JsonObject rules = new JsonObject();
        rules.addProperty("type", "radio");
        if (f.required()) {
            rules.addProperty("required", true);
        }
        rules.add("options", values);
        view.put("rules", Json.GSON.toJson(rules));
    }

    /** The offered slots as the JSON reply to a lost slot lists them ({@code yyyy-MM-ddTHH:mm}). */
    static List<String> values(SlotOffer offer) {
        return offer.slots().stream().map(s -> s.format(ISO)).toList();
    }
}
