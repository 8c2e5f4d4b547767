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
    /** forms that publish or feature estates (own website, top listing, reference) */
    ESTATE_MARKETING,
    /** forms that change property status or external property number */
    ESTATE_STATUS,
    /** linking tasks/estates/addresses to a project */
    PROJECT
}
