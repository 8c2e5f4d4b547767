package org.formhaus.mapping;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import org.formhaus.forms.Field;
import org.formhaus.forms.FormDefinition;
import org.formhaus.onoffice.Action;
import org.formhaus.onoffice.ActionKind;

/**
 * Builds the onOffice actions for a submission. Stateless and thread-safe.
 */
public final class SubmissionMapper {

    /** The address create for the submitter: every {@code address.*} field, duplicate check by email on. */
    public Action addressCreate(FormDefinition form, Map<String, Object> values) {
        JsonObject params = new JsonObject();
        for (Field field : form.fields()) {
            Object value = values.get(field.name());
            if (field.maps() == null || !field.maps().startsWith("address.") || isEmpty(value)) {
                continue;
            }
            AddressFields.put(params, field.maps().substring("address.".length()), value);
        }
        params.addProperty("checkDuplicate", true);
        return Action.of(ActionKind.CREATE, "address", "", "address", params);
    }

    private static boolean isEmpty(Object value) {
        return value == null || (value instanceof String s && s.isEmpty()) || (value instanceof List<?> l && l.isEmpty());
    }
}
