package org.formhaus.viewings;

import org.formhaus.forms.FormDefinition;
import org.formhaus.storage.SlotClaim;

/**
 * The viewing slots of forms that offer them ({@code onoffice.appointment.slots}). Implementations are thread-safe;
 * {@link #NONE} offers nothing (every form then takes a free date-and-time request).
 */
public interface SlotOffers {

    SlotOffers NONE = new SlotOffers() {
    };

    /** The slots to show for the form on the page of the inquired estate {@code estateId} (null: none). */
    default SlotOffer offer(long accountId, FormDefinition form, String estateId) {
        return SlotOffer.UNAVAILABLE;
    }

    /**
     * What the submission of slot {@code chosen} ({@code yyyy-MM-ddTHH:mm}) must claim, with the offer's
     * {@code token}; null when there is nothing to claim (no slots on the form, or a free request made when none
     * could be offered: no token).
     * @throws SlotRefusedException when the chosen value is not one of the form's slots or the token is forged or
     *                              expired
     */
    default SlotClaim claim(long accountId, FormDefinition form, String chosen, String token, String estateId)
            throws SlotRefusedException {
        return null;
    }
}
