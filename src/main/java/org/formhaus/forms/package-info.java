/**
 * What a form is and what makes a submission valid: definitions, field types, kinds and the validator. A definition
 * is read by {@code DefinitionParser} through {@code ObjectReader} (every problem named by its JSON path) and
 * {@code FieldReader} (the per-type field rules); a key nobody reads is refused when a definition is saved, the keys of
 * the sections other packages read being listed in {@code SectionKeys}. Knows no HTTP, SQL or onOffice client.
 */
package org.formhaus.forms;
