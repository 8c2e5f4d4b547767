/**
 * Checks an account's onOffice connection: credentials, each API-user right Formhaus relies on (named exactly as
 * onOffice's Rights tab names it) and the sender mailboxes, and reports what breaks without each.
 */
package org.formhaus.connection;
