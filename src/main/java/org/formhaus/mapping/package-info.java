/** Turns a validated submission of a form kind into the onOffice actions that record it in the CRM. */
package org.formhaus.mapping;
