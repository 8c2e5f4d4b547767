package org.formhaus.forms;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * A form as the admin defined it, at one version. Immutable and safe to share. {@code source} is the JSON it was
 * parsed from, kept so that unknown extension keys survive a round trip.
 */
public record FormDefinition(String key, FormKind kind, String language, String title, List<Field> fields,
                             String thankYouUrl, JsonObject source) {

    public FormDefinition {
        fields = List.copyOf(fields);
    }

    public Optional<Field> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
