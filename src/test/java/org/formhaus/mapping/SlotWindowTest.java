package org.formhaus.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.formhaus.forms.DefinitionException.Problem;
import org.formhaus.forms.DefinitionParser;
import org.formhaus.forms.FormDefinition;
import org.junit.jupiter.api.Test;

class SlotWindowTest {

    /** Tuesday 1 December 2026, 15:00. */
    static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 1, 15, 0);

    static FormDefinition form(String kind, String slots, String startType) throws Exception {
        return new DefinitionParser().parse(JsonParser.parseString("""
                { "key": "k", "kind": "%s", "title": "T",
                  "onoffice": {"appointment": {"user": "estate", "durationMinutes": 45, "slots": %s}},
                  "fields": [{"name": "email", "type": "email", "label": "E-Mail", "maps": "address.Email"},
                             {"name": "termin", "type": "%s", "label": "Termin", "maps": "calendar.start_dt"}] }"""
                .formatted(kind, slots, startType)).getAsJsonObject());
    }

    static FormDefinition routed(String rule) throws Exception {
        return new DefinitionParser().parse(JsonParser.parseString("""
                { "key": "k", "kind": "appointment", "title": "T",
                  "onoffice": {"routing": {"rule": "%s", "users": ["mmakler", "sschulz"], "user": "mmakler"},
                               "appointment": {"slots": true}},
                  "fields": [{"name": "email", "type": "email", "label": "E-Mail", "maps": "address.Email"},
                             {"name": "termin", "type": "datetime", "label": "Termin", "maps": "calendar.start_dt"}] }"""
                .formatted(rule)).getAsJsonObject());
    }

    @Test
    void anUnknownKeyInTheSlotWindowIsRefusedByName() {
        org.formhaus.forms.DefinitionException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.formhaus.forms.DefinitionException.class, () -> form("appointment", "{\"dayz\": 3}", "datetime"));
        assertEquals("onoffice.appointment.slots.dayz: unknown key 'dayz'", e.problems().get(0).toString());
    }

    @Test
    void theAgentIsWhomTheRoutingNamesBeforeTheVisitorSubmits() throws Exception {
        assertEquals("estate", SlotWindow.agent(form("appointment", "true", "datetime"), true));
        assertNull(SlotWindow.agent(form("appointment", "true", "datetime"), false), "no estate on the page");
        assertEquals("mmakler", SlotWindow.agent(routed("fixed"), true));
        assertEquals("estate", SlotWindow.agent(routed("estate"), true));
        assertEquals("mmakler", SlotWindow.agent(routed("estate"), false), "the routing's fallback");
        assertNull(SlotWindow.agent(routed("roundrobin"), true));
    }

    static List<String> problems(FormDefinition form) {
        List<Problem> problems = new ArrayList<>();
        SlotWindow.parse(form, problems);
        return problems.stream().map(Problem::toString).toList();
    }

    @Test
    void trueTakesTheDefaultsWithSlotsAsLongAsTheAppointment() throws Exception {
        SlotWindow w = SlotWindow.of(form("appointment", "true", "datetime")).orElseThrow();
        assertEquals(new SlotWindow(14, Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY), java.time.LocalTime.of(9, 0), java.time.LocalTime.of(18, 0),
                45, 0, 12), w);
    }

    @Test
    void falseOrNothingOffersNoSlots() throws Exception {
        assertTrue(SlotWindow.of(form("appointment", "false", "datetime")).isEmpty());
        assertNull(SlotWindow.parse(form("contact", "null", "datetime"), new ArrayList<>()));
    }

    @Test
    void theGridStartsTomorrowOnTheChosenDaysOneSlotPlusBufferApart() throws Exception {
        SlotWindow w = SlotWindow.of(form("appointment", """
                {"daysAhead": 4, "weekdays": ["wed", "sat"], "from": "9:00", "to": "11:00", "slotMinutes": 30,
                 "bufferMinutes": 15, "count": 3}""", "datetime")).orElseThrow();
        // Wednesday 2nd and Saturday 5th: 09:00, 09:45 and 10:30 (ends 11:00) each
        List<String> grid = w.grid(NOW).stream().map(LocalDateTime::toString).toList();
        assertEquals(List.of("2026-12-02T09:00", "2026-12-02T09:45", "2026-12-02T10:30",
                "2026-12-05T09:00", "2026-12-05T09:45", "2026-12-05T10:30"), grid);
        assertTrue(w.onGrid(LocalDateTime.of(2026, 12, 5, 9, 45), NOW));
        assertFalse(w.onGrid(LocalDateTime.of(2026, 12, 5, 9, 30), NOW), "between two slots");
        assertFalse(w.onGrid(LocalDateTime.of(2026, 12, 3, 9, 0), NOW), "a Thursday");
        assertFalse(w.onGrid(LocalDateTime.of(2026, 12, 1, 16, 0), NOW), "today");
        assertFalse(w.onGrid(LocalDateTime.of(2026, 12, 9, 9, 0), NOW), "beyond daysAhead");
    }

    @Test
    void eachBadMemberIsNamed() throws Exception {
        assertEquals(List.of("onoffice.appointment.slots.slotMinutes: must be a whole number from 5 to 480",
                "onoffice.appointment.slots.bufferMinutes: must be a whole number from 0 to 240",
                "onoffice.appointment.slots.from: must be a time of day as HH:MM",
                "onoffice.appointment.slots.daysAhead: must be a whole number from 1 to 90",
                "onoffice.appointment.slots.weekdays: must list days as mon, tue, wed, thu, fri, sat, sun",
                "onoffice.appointment.slots.count: must be a whole number from 1 to 50"),
                problems(form("appointment", """
                        {"slotMinutes": 2, "bufferMinutes": -1, "from": "morgens", "daysAhead": 0,
                         "weekdays": ["montag"], "count": 100}""", "datetime")));
        assertEquals(List.of("onoffice.appointment.slots: only appointment forms offer slots"),
                problems(form("contact", "true", "datetime")));
        assertEquals(List.of("onoffice.appointment.slots: needs a field of type datetime mapped to calendar.start_dt"),
                problems(form("appointment", "true", "text")));
        assertEquals(List.of("onoffice.appointment.slots: needs an agent known before the visitor chooses: routing "
                + "by estate or fixed (roundrobin routing chooses from what is submitted)"), problems(routed("roundrobin")));
        assertEquals(List.of("onoffice.appointment.slots.to: leaves no slot of 60 minutes after 'from'"),
                problems(form("appointment", "{\"from\": \"17:30\", \"to\": \"18:00\", \"slotMinutes\": 60}",
                        "datetime")));
    }
}
