/**
 * Emails a submission sends through onOffice's API from the account's mailbox: the visitor's confirmation and the
 * internal notice, each from FreeMarker templates the admin edits per form (built-in defaults in German and English).
 */
package org.formhaus.mail;
