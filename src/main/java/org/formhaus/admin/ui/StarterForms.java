package org.formhaus.admin.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.formhaus.forms.FormKind;

/**
 * Ready form definitions to start from, one per {@link FormKind}, in the contract's shape with onOffice field
 * names ({@code /starter-forms/<kind>.json}). Stateless and thread-safe.
 */
final class StarterForms {

    private StarterForms() {
    }

    static List<String> kinds() {
        return Arrays.stream(FormKind.values()).map(FormKind::jsonName).toList();
    }

    /** The starter definition of a kind as JSON text; empty for an unknown kind. */
    static Optional<String> of(String kind) {
        if (kind == null || !kinds().contains(kind)) {
            return Optional.empty();
        }
        try (InputStream in = StarterForms.class.getResourceAsStream("/starter-forms/" + kind + ".json")) {
            if (in == null) {
                throw new IllegalStateException("Missing starter form for kind '" + kind + "'");
            }
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
