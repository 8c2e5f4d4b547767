package org.formhaus.connection;

/** What an account's forms use in onOffice; decides which rights the connection check treats as needed. */
public enum Feature {
    /** create/update contacts, duplicate check */
    ADDRESS,
    /** inquiry forms that read an estate */
    ESTATE_READ,
    /** owner/valuation forms that create estates */
    ESTATE_WRITE,
    /** search-profile forms */
    SEARCH_CRITERIA,
    /** an agents-log (activity) entry per submission */
    ACTIVITY,
    TASK,
    APPOINTMENT,
    /** user dropdowns, responsible agent; onOffice's setup guides call "Read user data via API" mandatory */
    USERS,
    /** visitor confirmations and internal notices sent through onOffice */
    EMAIL,
    /** emails from onOffice email templates */
    EMAIL_TEMPLATES,
    /** PDF letters and PDF forms from onOffice templates */
    PDF_TEMPLATES,
    /** forms that set the supervisor (Betreuer) of an address or estate */
    SUPERVISOR,
    /** forms that change the customer number */
    CUSTOMER_NUMBER,
    /** fields on the address tab "AddressOther1" */
    ADDRESS_OTHER1,
    /** forms that list estates on the agency's own website (estate.veroeffentlichen) */
    ESTATE_LISTING,
    /** forms that publish an estate on the own website (estate.veroeffentlichen) */
    MARKETING_WEBSITE,
    /** forms that feature an estate as top listing (estate.top_angebot) */
    TOP_LISTING,
    /** forms that mark an estate as reference (estate.referenz) */
    REFERENCE_PROPERTY,
    /** forms that change an estate's status (estate.status) */
    PROPERTY_STATUS,
    /** forms that write the external property number (estate.objektnr_extern) */
    EXTERNAL_NUMBER,
    /** linking tasks/estates/addresses to a project */
    PROJECT
}
