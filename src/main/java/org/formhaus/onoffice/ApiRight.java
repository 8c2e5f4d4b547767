package org.formhaus.onoffice;

import java.util.Optional;

/**
 * The rights on the "Rights" tab of an onOffice API user that matter to Formhaus, each with its exact label as
 * onOffice shows it (Tools → Settings → Users → the API user → "Rights"). Two of them are traps: they are
 * restrictions that should stay OFF ({@link #restriction()}).
 */
public enum ApiRight {
    ADDRESSES("Address management", "Addresses", false),
    READ_ADDRESSES("Address management", "Read addresses", false),
    WRITE_ADDRESSES("Address management", "Write addresses", false),
    ADDRESS_OTHER1("Address management", "Read/write AddressOther1", false),
    EDIT_CUSTOMER_NUMBER("Address management", "Edit customer number", false),
    ONLY_PUBLISHED_CONTACTS("Address management", "Can only see contacts published on the website", true),
    PROPERTY("Property", "Property", false),
    READ_PROPERTIES("Property", "Read properties", false),
    WRITE_PROPERTIES("Property", "Write properties", false),
    ONLY_PUBLISHED_PROPERTIES("Property", "Can only read properties published on the website", true),
    ALLOW_LISTING_ON_WEBSITE("Property", "Allows properties to be listed on your own website", false),
    EDIT_EXTERNAL_PROPERTY_NUMBER("Property", "Allows external property numbers to be edited", false),
    MARKETING_WEBSITE("Property", "Marketing (website)", false),
    MARKETING_TOP_LISTING("Property", "Marketing (Top Listing)", false),
    MARKETING_REFERENCE("Property", "Marketing (Reference property)", false),
    EDIT_PROPERTY_STATUS("Property", "Edit property status", false),
    AGENTS_LOG("Agent's log / activities", "Agent's Log", false),
    ACTIVITIES("Agent's log / activities", "Activities", false),
    READ_ENTRIES("Agent's log / activities", "Read entries", false),
    WRITE_ENTRIES("Agent's log / activities", "Write entries", false),
    LETTER_TEMPLATES("Templates", "Letter templates (Word, PDF)", false),
    EMAIL_TEMPLATES("Templates", "Email templates", false),
    PDF_FORMS("Templates", "PDF forms", false),
    TASK_MANAGEMENT("Tasks", "Task management", false),
    READ_TASKS("Tasks", "Read tasks", false),
    APPOINTMENT_MANAGEMENT("Appointments", "Appointment management", false),
    READ_APPOINTMENTS("Appointments", "Read appointments", false),
    EDIT_APPOINTMENTS("Appointments", "Edit appointments", false),
    READ_SEARCH_CRITERIA("Search criteria", "Read search criteria", false),
    WRITE_SEARCH_CRITERIA("Search criteria", "Write search criteria", false),
    CREATE_SEARCH_CRITERIA_WITHOUT_ADDRESS_WRITE("Search criteria",
            "Creation of new search criteria without write access to addresses", false),
    READ_USER_DATA("Administrative rights", "Read user data via API", false),
    CHANGE_SUPERVISOR("Administrative rights", "Change supervisor", false),
    PROJECT_MANAGEMENT("Project management", "Project management", false),
    READ_PROJECTS("Project management", "Read projects", false),
    WRITE_PROJECTS("Project management", "Write projects", false);

    private final String area;
    private final String label;
    private final boolean restriction;

    ApiRight(String area, String label, boolean restriction) {
        this.area = area;
        this.label = label;
        this.restriction = restriction;
    }

    /** The section of the Rights tab. */
    public String area() {
        return area;
    }

    /** The exact text onOffice shows for this right. */
    public String label() {
        return label;
    }

    /** True for the restrictions that should stay off ("Can only ... published on the website"). */
    public boolean restriction() {
        return restriction;
    }

    /** The right whose label equals {@code label} exactly (case-insensitive as a courtesy). */
    public static Optional<ApiRight> byLabel(String label) {
        for (ApiRight r : values()) {
            if (r.label.equalsIgnoreCase(label == null ? "" : label.strip())) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The right whose label appears in double quotes in {@code message}, e.g. a simulator error text. */
    public static Optional<ApiRight> namedIn(String message) {
        if (message == null) return Optional.empty();
        ApiRight best = null;
        for (ApiRight r : values()) {
            if (message.contains("\"" + r.label + "\"") && (best == null || r.label.length() > best.label.length())) {
                best = r;
            }
        }
        return Optional.ofNullable(best);
    }

    @Override
    public String toString() {
        return label;
    }
}
