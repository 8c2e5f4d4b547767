/**
 * What a form is and what makes a submission valid: definitions, field types, kinds and the validator. A definition
 * is read by {@code DefinitionParser} through {@code ObjectReader} (every problem named by its JSON path) and
 * {@code FieldReader} (the per-type field rules). Knows no HTTP, SQL or onOffice client.
 */
package org.formhaus.forms;
