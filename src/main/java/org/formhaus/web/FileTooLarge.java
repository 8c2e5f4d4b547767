package org.formhaus.web;

/**
 * An uploaded file over {@code upload.max.file.bytes}: answered with 413 and the message at its field, as the
 * validator names a field. Thrown by {@link SubmissionReader}, caught in {@link FormServlet}; lives for one request.
 */
final class FileTooLarge extends RuntimeException {

    private final String field;
    private final long limitBytes;
    private final transient SubmissionInput textValues;

    /** {@code textValues}: the text values of the request, so that a browser gets its form back filled in. */
    FileTooLarge(String field, long limitBytes, SubmissionInput textValues) {
        super("File of field '" + field + "' over " + limitBytes + " bytes", null, false, false);
        this.field = field;
        this.limitBytes = limitBytes;
        this.textValues = textValues;
    }

    SubmissionInput textValues() {
        return textValues;
    }

    String field() {
        return field;
    }

    long limitBytes() {
        return limitBytes;
    }
}
