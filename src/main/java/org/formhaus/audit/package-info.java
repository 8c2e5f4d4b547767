/**
 * The security event log: sign-ins and their failures, throttling, API tokens, users, passwords, onOffice settings
 * and published forms, kept per account and written to the server log without secrets or personal data.
 */
package org.formhaus.audit;
