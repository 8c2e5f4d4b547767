package org.formhaus.storage;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a page of submissions (newest first) ends: the last row's time and id. The next page starts right after it,
 * whatever was added meanwhile, and costs one index range however deep it is. Shown in URLs as {@code ms_id}.
 */
public record SubmissionCursor(long createdMs, String id) {

    private static final Pattern TEXT = Pattern.compile("(\\d{1,19})_([0-9a-f-]{36})");

    /** The cursor a URL carried; empty when absent or not one (the list then starts at the newest). */
    public static Optional<SubmissionCursor> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        var m = TEXT.matcher(text);
        return m.matches() ? Optional.of(new SubmissionCursor(Long.parseLong(m.group(1)), m.group(2)))
                : Optional.empty();
    }

    @Override
    public String toString() {
        return createdMs + "_" + id;
    }
}
