package org.formhaus.options;

import org.formhaus.forms.FormDefinition;
import org.formhaus.storage.StoredForm;

/**
 * Fills in a form's options that come from onOffice ({@code "optionsFrom": "onoffice"}, {@code userselect}) from what
 * is known already; never waits on onOffice. A field whose options are not known yet keeps none, and validation then
 * accepts any value for it. Implementations are thread-safe.
 */
@FunctionalInterface
public interface FormOptions {

    /** Leaves every definition as it is: no onOffice options. */
    FormOptions NONE = StoredForm::definition;

    /** The form's definition with its onOffice options filled in; the definition itself when it has none. */
    FormDefinition resolve(StoredForm form);
}
