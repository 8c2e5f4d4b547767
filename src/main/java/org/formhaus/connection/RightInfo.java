package org.formhaus.connection;

import static org.formhaus.connection.Feature.*;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.formhaus.onoffice.ApiRight;

/**
 * For each right: the recommended setting, what Formhaus needs it for and what fails without it (from the setup
 * guide, onoffice-rights.md), and which {@link Feature}s make it needed. Immutable.
 */
record RightInfo(String setting, String neededFor, String withoutIt, Set<Feature> features) {

    static final Map<ApiRight, RightInfo> TABLE = new EnumMap<>(ApiRight.class);

    static {
        put(ApiRight.ADDRESSES, "on", "any address", "no contact can be created", ADDRESS);
        put(ApiRight.READ_ADDRESSES, "all", "duplicate check, prefill by address id", "duplicates, lookups fail", ADDRESS);
        put(ApiRight.WRITE_ADDRESSES, "all", "create/update contacts", "submissions fail", ADDRESS);
        put(ApiRight.ADDRESS_OTHER1, "on (optional)", "fields on that tab", "those fields ignored/refused", ADDRESS_OTHER1);
        put(ApiRight.EDIT_CUSTOMER_NUMBER, "on (optional)", "forms that change it", "the customer number cannot be written",
                CUSTOMER_NUMBER);
        put(ApiRight.ONLY_PUBLISHED_CONTACTS, "off (recommended)", "—",
                "contacts not released for the website are invisible (duplicate check and lookups miss them)", ADDRESS);
        put(ApiRight.PROPERTY, "on", "any estate", "no estate can be read or written", ESTATE_READ, ESTATE_WRITE);
        put(ApiRight.READ_PROPERTIES, "all", "inquiry forms, owner forms", "estate lookups fail", ESTATE_READ, ESTATE_WRITE);
        put(ApiRight.WRITE_PROPERTIES, "all", "owner/seller and valuation forms create estates", "estates not created",
                ESTATE_WRITE);
        put(ApiRight.ONLY_PUBLISHED_PROPERTIES, "off", "—", "overrides \"all\": archived/internal/unpublished estates "
                + "invisible; a just-created estate (unpublished by default) becomes invisible, so the owner link breaks "
                + "and PDF summaries are not produced", ESTATE_READ, ESTATE_WRITE);
        put(ApiRight.ALLOW_LISTING_ON_WEBSITE, "optional", "forms that list estates on the agency's own onOffice "
                + "website", "listing flag refused", ESTATE_LISTING);
        put(ApiRight.MARKETING_WEBSITE, "optional", "forms that publish an estate on the own website (veroeffentlichen)",
                "publishing refused", MARKETING_WEBSITE);
        put(ApiRight.MARKETING_TOP_LISTING, "optional", "forms that feature an estate as top listing (top_angebot)",
                "top-listing flag refused", TOP_LISTING);
        put(ApiRight.MARKETING_REFERENCE, "optional", "forms that mark an estate as reference (referenz)",
                "reference flag refused", REFERENCE_PROPERTY);
        // Owner and valuation forms tag each new estate with an external number, so a retry after a lost reply finds
        // it instead of creating a second one.
        put(ApiRight.EDIT_EXTERNAL_PROPERTY_NUMBER, "on for owner/valuation forms", "owner/seller and valuation forms "
                + "(each new estate carries Formhaus's external number); forms that change the external property number",
                "the estate create is refused, so owner and valuation leads end 'failed'", ESTATE_WRITE, EXTERNAL_NUMBER);
        put(ApiRight.EDIT_PROPERTY_STATUS, "optional", "forms that change the property status", "status refused",
                PROPERTY_STATUS);
        put(ApiRight.AGENTS_LOG, "on", "activity entry per submission", "no activity history", ACTIVITY);
        put(ApiRight.ACTIVITIES, "on", "activity entry per submission", "no activity history", ACTIVITY);
        put(ApiRight.READ_ENTRIES, "all", "activity entry per submission; finding it after a lost reply",
                "no activity history; an entry whose reply was lost cannot be found and may be written twice", ACTIVITY);
        put(ApiRight.WRITE_ENTRIES, "all", "activity entry per submission", "no activity history", ACTIVITY);
        put(ApiRight.LETTER_TEMPLATES, "on", "PDFs from onOffice letter templates", "those PDFs are not produced",
                PDF_TEMPLATES);
        put(ApiRight.EMAIL_TEMPLATES, "on", "emails from onOffice email templates", "template emails are not sent",
                EMAIL_TEMPLATES);
        put(ApiRight.PDF_FORMS, "on", "PDFs from onOffice PDF forms", "those PDFs are not produced", PDF_TEMPLATES);
        put(ApiRight.TASK_MANAGEMENT, "on", "tasks for the responsible agent", "no tasks", TASK);
        put(ApiRight.READ_TASKS, "all", "tasks for the responsible agent; finding a task after a lost reply",
                "no tasks; a task whose reply was lost cannot be found and may be created twice", TASK);
        put(ApiRight.APPOINTMENT_MANAGEMENT, "on (optional)", "appointment forms", "appointments are not created",
                APPOINTMENT);
        put(ApiRight.READ_APPOINTMENTS, "all (optional)", "load an appointment by id; finding it after a lost reply",
                "appointment lookups fail; an appointment whose reply was lost cannot be found and may be created twice", APPOINTMENT);
        put(ApiRight.EDIT_APPOINTMENTS, "all (optional)", "modify an appointment by id", "appointments cannot be changed",
                APPOINTMENT);
        put(ApiRight.READ_SEARCH_CRITERIA, "all (optional)", "search-profile forms; finding a search criterion after "
                + "a lost reply", "search profiles fail; one whose reply was lost may be created twice", SEARCH_CRITERIA);
        put(ApiRight.WRITE_SEARCH_CRITERIA, "all (optional)", "search-profile forms", "search profiles fail",
                SEARCH_CRITERIA);
        put(ApiRight.CREATE_SEARCH_CRITERIA_WITHOUT_ADDRESS_WRITE, "optional",
                "search-profile forms when \"Write addresses\" is off", "search profiles fail", SEARCH_CRITERIA);
        put(ApiRight.READ_USER_DATA, "on — mandatory", "user dropdowns, responsible-agent fields in forms, activities "
                + "and tasks", "every user selection breaks; often missed because it sits under \"Administrative "
                + "rights\", not in the modules", USERS, ADDRESS, ACTIVITY, TASK, APPOINTMENT);
        put(ApiRight.CHANGE_SUPERVISOR, "optional", "forms that set the supervisor of an address/estate",
                "the supervisor is not set", SUPERVISOR);
        put(ApiRight.PROJECT_MANAGEMENT, "optional", "linking tasks/estates/addresses to a project",
                "projects cannot be read or linked", PROJECT);
        put(ApiRight.READ_PROJECTS, "all (optional)", "linking tasks/estates/addresses to a project",
                "projects cannot be read", PROJECT);
        put(ApiRight.WRITE_PROJECTS, "all (optional)", "linking tasks/estates/addresses to a project",
                "projects cannot be linked", PROJECT);
    }

    private static void put(ApiRight right, String setting, String neededFor, String withoutIt, Feature... features) {
        TABLE.put(right, new RightInfo(setting, neededFor, withoutIt, Set.of(features)));
    }

    boolean neededBy(Set<Feature> used) {
        return features.stream().anyMatch(used::contains);
    }
}
