package org.formhaus.viewings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.formhaus.simulator.FaultMode;
import org.formhaus.testing.Await;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Viewing slots over HTTP against the simulator (issue 12): the page offers the estate agent's free slots, leaving out
 * their appointments; a booking becomes an appointment linked to the estate and the address with the agent as
 * subscriber; two visitors who choose one slot at the same moment, on two instances over one MariaDB, get it once;
 * a slot taken in onOffice after it was offered is marked at delivery; onOffice down offers a free request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ViewingSlotsIT {

    private static final Pattern SLOT = Pattern.compile("name=\"termin\" value=\"([0-9T:-]+)\"");
    private static final Pattern TOKEN = Pattern.compile("name=\"_fh_slot\" value=\"([^\"]+)\"");

    @RegisterExtension
    final TestServer server = TestServer.onMariaDb().with("onoffice.request.timeout.seconds", "3").perTestClass();

    @AfterEach
    void healthy() throws Exception {
        server.simulator().noFault();
    }

    /** A viewing form on estate 10, whose agent is mmakler (user 17); four slots a day from 09:00. */
    static String viewingForm(String key, String slots) {
        return """
                { "key": "%s", "kind": "appointment", "title": "Besichtigung",
                  "onoffice": {"appointment": {"user": "estate", "art": "Besichtigung", "durationMinutes": 60,
                               "slots": %s}},
                  "fields": [
                  {"name": "objekt", "type": "hidden", "label": "Objekt", "maps": "estate.Id"},
                  {"name": "name", "type": "text", "label": "Name", "maps": "address.Name"},
                  {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"},
                  {"name": "termin", "type": "datetime", "label": "Termin", "required": true,
                   "maps": "calendar.start_dt"} ] }""".formatted(key, slots);
    }

    static final String WINDOW = """
            {"daysAhead": 7, "weekdays": ["mon", "tue", "wed", "thu", "fri"], "from": "09:00", "to": "13:00",
             "slotMinutes": 60, "bufferMinutes": 0, "count": 40}""";

    @Test
    void slotsLeaveOutTheAgentsAppointmentsAndTheBookedSlotBecomesALinkedAppointment() throws Exception {
        LocalDate day = firstWorkday();
        // mmakler's own appointment at 10:00 on that day, made in onOffice (here: by a plain appointment request)
        busy("busy-a", day + "T10:00");
        // 8 days ahead: a window of its own, so no other test's calendar read (remembered a minute) stands in for it
        define(viewingForm("besichtigung-a", WINDOW.replace("\"daysAhead\": 7", "\"daysAhead\": 8")));

        String page = server.get("/f/besichtigung-a?fh_estate=10").body();
        List<String> offered = slots(page);
        assertTrue(offered.contains(day + "T09:00"), offered.toString());
        assertFalse(offered.contains(day + "T10:00"), "the agent's appointment is left out: " + offered);
        assertTrue(offered.contains(day + "T11:00"), offered.toString());
        assertTrue(page.contains("<legend>Termin"), "the slots are a radio group with the label as legend");

        long before = server.simulator().lastRequestSeq();
        HttpResponse<String> reply = book("besichtigung-a", token(page), day + "T11:00", "viewer.a@example.org");
        assertEquals(202, reply.statusCode(), reply.body());
        JsonObject s = delivered(JsonParser.parseString(reply.body()).getAsJsonObject().get("id").getAsString());

        JsonObject appointment = server.simulator().record("calendar", record(s, "calendar"));
        assertEquals(day + " 11:00:00", appointment.get("start_dt").getAsString());
        assertEquals(day + " 12:00:00", appointment.get("end_dt").getAsString());
        assertEquals("Besichtigung", appointment.get("art").getAsString());
        assertEquals("10", appointment.get("relatedEstateId").getAsString());
        assertEquals("[" + record(s, "address") + "]", appointment.get("relatedAddressIds").toString());
        assertEquals("{\"users\":[17]}", appointment.get("subscribers").toString());
        assertFalse(appointment.get("description").getAsString().contains("Terminkonflikt"));
        assertEquals(List.of(List.of("read address", "create address", "read estate", "get users",
                "get appointmentList"), List.of("create agentslog", "create calendar")),
                server.simulator().actionsAfter(before));

        List<String> after = slots(server.get("/f/besichtigung-a?fh_estate=10").body());
        assertFalse(after.contains(day + "T11:00"), "a booked slot is never offered again: " + after);
        assertTrue(after.contains(day + "T09:00"));
    }

    @Test
    void twoVisitorsChoosingOneSlotAtOnceOnTwoInstancesGetItOnceAndTheOtherIsOfferedTheRest() throws Exception {
        LocalDate day = firstWorkday();
        define(viewingForm("besichtigung-b", WINDOW.replace("\"09:00\"", "\"14:00\"").replace("\"13:00\"",
                "\"18:00\"")));
        String page = server.get("/f/besichtigung-b?fh_estate=10").body();
        String slot = day + "T15:00";
        assertTrue(slots(page).contains(slot), slots(page).toString());
        String token = token(page);

        try (TestServer second = TestServer.joining(server.database()).start()) {
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService two = Executors.newFixedThreadPool(2);
            List<Future<HttpResponse<String>>> replies = new ArrayList<>();
            for (TestServer instance : List.of(server, second)) {
                Callable<HttpResponse<String>> visitor = () -> {
                    start.await();
                    return book(instance, "besichtigung-b", token, slot, "viewer." + instance.uri("/").getPort()
                            + "@example.org");
                };
                replies.add(two.submit(visitor));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            JsonObject lost = null;
            for (Future<HttpResponse<String>> f : replies) {
                HttpResponse<String> r = f.get();
                statuses.add(r.statusCode());
                if (r.statusCode() == 409) {
                    lost = JsonParser.parseString(r.body()).getAsJsonObject();
                }
            }
            two.shutdown();
            statuses.sort(Integer::compare);
            assertEquals(List.of(202, 409), statuses);
            assertNotNull(lost);
            assertEquals("Dieser Termin wurde gerade von jemand anderem gebucht. Bitte wählen Sie einen der noch "
                    + "freien Termine.", lost.getAsJsonObject("errors").get("termin").getAsString());
            List<String> again = new ArrayList<>();
            lost.getAsJsonArray("slots").forEach(e -> again.add(e.getAsString()));
            assertFalse(again.contains(slot), "the lost slot is not offered again: " + again);
            assertTrue(again.contains(day + "T16:00"), again.toString());
        } finally {
            // the second instance pointed the account at its own simulator: back to this one's
            server.app().connectSandbox(server.uri(""), System.out);
        }
        // one slot, one claim, one appointment in the agent's calendar
        assertEquals(1, claims(slot));
    }

    @Test
    void theLoserInABrowserGetsTheFormBackWithTheRemainingSlots() throws Exception {
        LocalDate day = firstWorkday();
        define(viewingForm("besichtigung-c", WINDOW.replace("\"09:00\"", "\"08:00\"").replace("\"13:00\"",
                "\"10:00\"")));
        String page = server.get("/f/besichtigung-c?fh_estate=10").body();
        String slot = day + "T08:00";
        assertEquals(202, book("besichtigung-c", token(page), slot, "first.c@example.org").statusCode());

        HttpResponse<String> again = server.send(java.net.http.HttpRequest.newBuilder(
                        server.uri("/f/besichtigung-c?fh_estate=10"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(TestServer.encode(entry(token(page), slot,
                        "second.c@example.org"))))
                .header("Content-Type", "application/x-www-form-urlencoded"));
        assertEquals(409, again.statusCode());
        assertTrue(again.body().contains("Dieser Termin wurde gerade von jemand anderem gebucht."), again.body());
        List<String> offered = slots(again.body());
        assertFalse(offered.contains(slot), offered.toString());
        assertTrue(offered.contains(day + "T09:00"), offered.toString());
    }

    @Test
    void aSlotTakenInOnOfficeAfterItWasOfferedIsBookedAndMarkedForTheAgent() throws Exception {
        LocalDate day = firstWorkday();
        define(viewingForm("besichtigung-d", WINDOW.replace("\"09:00\"", "\"19:00\"").replace("\"13:00\"",
                "\"21:00\"")));
        String page = server.get("/f/besichtigung-d?fh_estate=10").body();
        String slot = day + "T19:00";
        assertTrue(slots(page).contains(slot));
        String busyId = busy("busy-d", slot); // entered in onOffice between the page and the booking

        HttpResponse<String> reply = book("besichtigung-d", token(page), slot, "viewer.d@example.org");
        assertEquals(202, reply.statusCode(), reply.body());
        JsonObject s = delivered(JsonParser.parseString(reply.body()).getAsJsonObject().get("id").getAsString());
        assertTrue(record(s, "calendar.clash").startsWith(busyId + ":"), record(s, "calendar.clash"));
        JsonObject appointment = server.simulator().record("calendar", record(s, "calendar"));
        assertTrue(appointment.get("description").getAsString().startsWith("[Terminkonflikt] "));
        assertTrue(appointment.get("note").getAsString().contains("Nr. " + busyId), appointment.toString());
        assertEquals(day + " 19:00:00", appointment.get("start_dt").getAsString());
    }

    @Test
    void aRoutedFormOffersAndBooksTheRoutedAgentsCalendar() throws Exception {
        LocalDate day = firstWorkday();
        define(viewingForm("besichtigung-g", WINDOW.replace("\"09:00\"", "\"07:00\"").replace("\"13:00\"",
                "\"09:00\"")).replace("\"user\": \"estate\", ", "").replace("\"onoffice\": {",
                "\"onoffice\": {\"routing\": {\"rule\": \"fixed\", \"user\": \"sschulz\"}, "));
        String page = server.get("/f/besichtigung-g?fh_estate=10").body();
        assertTrue(slots(page).contains(day + "T07:00"), page);
        HttpResponse<String> reply = book("besichtigung-g", token(page), day + "T08:00", "viewer.g@example.org");
        assertEquals(202, reply.statusCode(), reply.body());
        JsonObject s = delivered(JsonParser.parseString(reply.body()).getAsJsonObject().get("id").getAsString());
        JsonObject appointment = server.simulator().record("calendar", record(s, "calendar"));
        assertEquals("{\"users\":[19]}", appointment.get("subscribers").toString(), "sschulz, as routed");
        assertEquals(day + " 08:00:00", appointment.get("start_dt").getAsString());
        // looked again at delivery: another user's appointment at that time (mmakler's) is no clash for sschulz
        assertFalse(appointment.get("description").getAsString().contains("Terminkonflikt"), appointment.toString());
    }

    @Test
    void withOnOfficeDownThePageAsksForADateAndTimeAndTheRequestIsKept() throws Exception {
        define(viewingForm("besichtigung-e", "true"));
        server.simulator().fault(FaultMode.DOWN);
        String page = server.get("/f/besichtigung-e?fh_estate=10").body();
        assertTrue(page.contains("type=\"datetime-local\""), "a free date-and-time request instead");
        assertTrue(page.contains("Freie Termine können gerade nicht angezeigt werden."), page);
        assertFalse(page.contains("name=\"_fh_slot\""));
        String wish = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(3) + "T17:30";
        Map<String, List<String>> entry = entry(null, wish, "viewer.e@example.org");
        HttpResponse<String> reply = server.submitJson("besichtigung-e", entry);
        assertEquals(202, reply.statusCode(), reply.body());
        server.simulator().noFault();
        JsonObject s = delivered(JsonParser.parseString(reply.body()).getAsJsonObject().get("id").getAsString());
        JsonObject appointment = server.simulator().record("calendar", record(s, "calendar"));
        assertEquals(wish.replace('T', ' ') + ":00", appointment.get("start_dt").getAsString());
    }

    @Test
    void aDateAndTimeIsCheckedOnTheServerAndAForgedSlotIsRefused() throws Exception {
        define(viewingForm("besichtigung-f", WINDOW));
        HttpResponse<String> bad = server.submitJson("besichtigung-f", entry(null, "morgen um zehn", "f@example.org"));
        assertEquals(422, bad.statusCode());
        assertTrue(bad.body().contains("gültiges Datum mit Uhrzeit"), bad.body());
        String page = server.get("/f/besichtigung-f?fh_estate=10").body();
        // 09:30 is no slot of the window: refused with the slots offered again, nothing stored
        HttpResponse<String> forged = book("besichtigung-f", token(page), firstWorkday() + "T09:30",
                "f@example.org");
        assertEquals(422, forged.statusCode(), forged.body());
        assertTrue(JsonParser.parseString(forged.body()).getAsJsonObject().has("slots"));
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private int claims(String slot) throws Exception {
        org.formhaus.storage.Database db = server.database().open();
        try (java.sql.Connection c = db.connection();
             java.sql.PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM viewing_slot_claim WHERE "
                     + "starts_at = ?")) {
            q.setString(1, slot);
            try (java.sql.ResultSet rows = q.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } finally {
            db.close();
        }
    }

    /** The first Monday–Friday after today in Berlin: the first day every window here offers. */
    static LocalDate firstWorkday() {
        LocalDate day = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(1);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** Puts an appointment into mmakler's calendar at {@code start} (an hour); its onOffice id. */
    private String busy(String key, String start) throws Exception {
        define("""
                { "key": "%s", "kind": "appointment", "title": "Eintrag",
                  "onoffice": {"appointment": {"user": "mmakler", "durationMinutes": 60}},
                  "fields": [
                  {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"},
                  {"name": "termin", "type": "datetime", "label": "Termin", "maps": "calendar.start_dt"} ] }"""
                .formatted(key));
        HttpResponse<String> reply = server.submitJson(key, Map.of("email", List.of(key + "@example.org"),
                "termin", List.of(start)));
        assertEquals(202, reply.statusCode(), reply.body());
        return record(delivered(JsonParser.parseString(reply.body()).getAsJsonObject().get("id").getAsString()),
                "calendar");
    }

    private HttpResponse<String> book(String form, String token, String slot, String email) throws Exception {
        return book(server, form, token, slot, email);
    }

    private static HttpResponse<String> book(TestServer instance, String form, String token, String slot,
                                             String email) throws Exception {
        return instance.submitJson(form, entry(token, slot, email));
    }

    static Map<String, List<String>> entry(String token, String slot, String email) {
        Map<String, List<String>> entry = new LinkedHashMap<>();
        entry.put("objekt", List.of("10"));
        entry.put("name", List.of("Vera Viewer"));
        entry.put("email", List.of(email));
        entry.put("termin", List.of(slot));
        if (token != null) {
            entry.put("_fh_slot", List.of(token));
        }
        return entry;
    }

    static List<String> slots(String page) {
        List<String> out = new ArrayList<>();
        Matcher m = SLOT.matcher(page);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    static String token(String page) {
        Matcher m = TOKEN.matcher(page);
        assertTrue(m.find(), "the page carries the slot offer's token");
        return m.group(1);
    }

    private void define(String json) throws Exception {
        server.adminJson("POST", "/admin/api/forms", json);
    }

    private JsonObject delivered(String id) throws Exception {
        return Await.until("submission " + id + " delivered", Duration.ofSeconds(30), () -> {
            JsonObject s = server.adminJson("GET", "/admin/api/submissions/" + id, null).getAsJsonObject();
            if (s.get("status").getAsString().equals("failed")) {
                throw new AssertionError("delivery failed: " + s);
            }
            return s.get("status").getAsString().equals("delivered") ? s : null;
        });
    }

    static String record(JsonObject submission, String key) {
        JsonElement e = submission.getAsJsonObject("records").get(key);
        assertNotNull(e, key + " recorded: " + submission.getAsJsonObject("records"));
        return e.getAsString();
    }
}
