package org.formhaus.web;

import java.util.List;
import java.util.Map;
import org.formhaus.forms.FileInput;

/**
 * What a visitor's POST carried: text values by name, and uploaded files by field name. Lives for one request.
 */
record SubmissionInput(Map<String, List<String>> params, Map<String, Upload> files) {

    /** One uploaded file, read into memory (its size is bounded by the upload limits). */
    record Upload(String fileName, String contentType, byte[] content) {
        FileInput asFileInput() {
            return new FileInput(fileName, contentType, content.length);
        }
    }

    String first(String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0);
    }
}
