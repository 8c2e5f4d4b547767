package org.formhaus.viewings;

import java.time.LocalDateTime;
import java.util.List;

/**
 * The viewing slots a form page offers, earliest first, and the signed token that names whose calendar they are
 * from ({@link SlotOffers#claim} reads it back). {@link Status#UNAVAILABLE} (onOffice could not be asked, or no agent
 * is known) and {@link Status#NONE_FREE} show the visitor a free date-and-time request instead. Immutable.
 */
public record SlotOffer(Status status, List<LocalDateTime> slots, String token) {

    public enum Status { OFFERED, NONE_FREE, UNAVAILABLE }

    public static final SlotOffer UNAVAILABLE = new SlotOffer(Status.UNAVAILABLE, List.of(), null);

    public SlotOffer {
        slots = List.copyOf(slots);
    }
}
