package org.formhaus.mapping;

/**
 * One value in which a visitor's entry differs from the existing onOffice contact it was matched with (issue #12):
 * what the visitor entered and what onOffice has. {@code updated}: the form allows the field to be updated, so
 * onOffice now has the entered value (and had {@code onOffice} before). Immutable.
 *
 * @param field    the address field ({@code Vorname}, {@code Telefon1}, ...)
 * @param label    the form field's label, for the agent
 * @param entered  what the visitor entered
 * @param onOffice what the contact held in onOffice ("" when empty)
 */
public record ContactDifference(String field, String label, String entered, String onOffice, boolean updated) {

    /** One line for the agent, in German ({@code de}) or English. */
    public String line(String language) {
        boolean de = "de".equals(language);
        String had = onOffice.isEmpty() ? (de ? "nichts" : "nothing") : quote(onOffice, de);
        if (updated) {
            return label + ": " + (de ? "aktualisiert auf " : "updated to ") + quote(entered, de)
                    + (de ? " (vorher " : " (was ") + had + ")";
        }
        return label + ": " + (de ? "Besucher gab " + quote(entered, de) + " ein, onOffice hat " + had
                : "visitor entered " + quote(entered, false) + ", onOffice has " + had);
    }

    private static String quote(String s, boolean de) {
        return de ? "„" + s + "“" : "\"" + s + "\"";
    }
}
