package org.formhaus.viewings;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.formhaus.mapping.AgentCalendar.Busy;
import org.formhaus.mapping.SlotWindow;
import org.formhaus.storage.SlotClaim;

/**
 * Which slots of a {@link SlotWindow} are free: none of the agent's appointments and none of the slots visitors
 * claimed lies within the window's buffer of it. Stateless.
 */
final class FreeSlots {

    private FreeSlots() {
    }

    /** Up to {@code window.count()} free slots seen {@code now}, earliest first. */
    static List<LocalDateTime> of(SlotWindow window, LocalDateTime now, List<Busy> busy, List<SlotClaim> claimed) {
        List<Busy> taken = new ArrayList<>(busy);
        claimed.forEach(c -> taken.add(new Busy("claim", c.start(), c.end())));
        List<LocalDateTime> free = new ArrayList<>();
        for (LocalDateTime start : window.grid(now)) {
            LocalDateTime end = start.plusMinutes(window.slotMinutes());
            if (taken.stream().noneMatch(b -> b.clashes(start, end, window.bufferMinutes()))) {
                free.add(start);
                if (free.size() == window.count()) {
                    break;
                }
            }
        }
        return free;
    }
}
