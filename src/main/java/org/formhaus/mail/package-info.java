/**
 * Emails a submission sends through onOffice's API from the account's mailbox: the visitor's confirmation and the
 * internal notice, each from FreeMarker templates the admin edits per form (built-in defaults in German and English).
 * The notice may go to the responsible agent, whose address {@code AgentEmails} finds in the account's onOffice user
 * list during delivery, never in a visitor's request.
 */
package org.formhaus.mail;
