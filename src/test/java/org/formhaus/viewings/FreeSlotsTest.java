package org.formhaus.viewings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.formhaus.mapping.AgentCalendar.Busy;
import org.formhaus.mapping.SlotWindow;
import org.formhaus.storage.SlotClaim;
import org.junit.jupiter.api.Test;

class FreeSlotsTest {

    static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 1, 15, 0); // a Tuesday
    static final SlotWindow WINDOW = new SlotWindow(1, Set.of(DayOfWeek.WEDNESDAY), LocalTime.of(9, 0),
            LocalTime.of(13, 0), 60, 0, 10);

    static LocalDateTime at(int hour, int minute) {
        return LocalDateTime.of(2026, 12, 2, hour, minute);
    }

    @Test
    void anAppointmentTakesTheSlotsItOverlapsAndAClaimItsOwn() {
        List<LocalDateTime> free = FreeSlots.of(WINDOW, NOW, List.of(new Busy("7", at(9, 30), at(10, 15))),
                List.of(new SlotClaim(1, 17, at(12, 0), at(13, 0))));
        assertEquals(List.of(at(11, 0)), free);
    }

    @Test
    void theBufferKeepsSlotsAwayFromAppointments() {
        SlotWindow buffered = new SlotWindow(1, Set.of(DayOfWeek.WEDNESDAY), LocalTime.of(9, 0), LocalTime.of(13, 0),
                60, 15, 10);
        // grid 09:00, 10:15, 11:30; an appointment 12:45-13:30 is within 15 minutes of 11:30-12:30? no (12:45)
        assertEquals(List.of(at(9, 0), at(10, 15), at(11, 30)), FreeSlots.of(buffered, NOW,
                List.of(new Busy("8", at(12, 45), at(13, 30))), List.of()));
        // one at 12:40 is within the buffer of the 11:30 slot, which ends 12:30
        assertEquals(List.of(at(9, 0), at(10, 15)), FreeSlots.of(buffered, NOW,
                List.of(new Busy("8", at(12, 40), at(13, 30))), List.of()));
    }

    @Test
    void atMostCountSlotsAreOffered() {
        SlotWindow two = new SlotWindow(1, Set.of(DayOfWeek.WEDNESDAY), LocalTime.of(9, 0), LocalTime.of(13, 0), 60, 0,
                2);
        assertEquals(List.of(at(9, 0), at(10, 0)), FreeSlots.of(two, NOW, List.of(), List.of()));
    }
}
