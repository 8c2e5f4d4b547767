package org.formhaus.admin;

import java.util.List;
import org.formhaus.forms.DefinitionException;
import org.formhaus.forms.FormDefinition;

/**
 * A check a definition must pass before it is saved, beyond its own syntax, such as mappings onto fields the
 * account's onOffice really has. The default accepts everything.
 */
@FunctionalInterface
public interface FormSaveCheck {

    FormSaveCheck NONE = (account, definition) -> List.of();

    /** The problems found; empty when the definition may be saved. */
    List<DefinitionException.Problem> problems(long accountId, FormDefinition definition) throws Exception;

    /** This check, then {@code other}: the problems of both. */
    default FormSaveCheck and(FormSaveCheck other) {
        return (account, definition) -> {
            List<DefinitionException.Problem> all = new java.util.ArrayList<>(problems(account, definition));
            all.addAll(other.problems(account, definition));
            return all;
        };
    }
}
