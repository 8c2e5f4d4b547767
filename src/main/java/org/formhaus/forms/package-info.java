/**
 * What a form is and what makes a submission valid: definitions, field types, kinds and the validator.
 * Knows no HTTP, SQL or onOffice client.
 */
package org.formhaus.forms;
