package org.formhaus.viewings;

/**
 * A chosen slot that cannot be claimed as sent: not one of the form's slots, or offered so long ago that its token
 * expired. The visitor chooses again from a fresh offer.
 */
public final class SlotRefusedException extends Exception {

    public SlotRefusedException(String message) {
        super(message, null, false, false);
    }
}
