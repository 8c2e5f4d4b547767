package org.formhaus.web;

import java.util.List;
import java.util.Map;
import org.formhaus.intake.Upload;

/**
 * What a visitor's POST carried: text values by name, and uploaded files by field name. Lives for one request.
 */
record SubmissionInput(Map<String, List<String>> params, Map<String, Upload> files) {

    String first(String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0);
    }
}
