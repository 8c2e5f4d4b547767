package org.formhaus.mapping;

/** Makes the link a newsletter subscriber clicks to confirm (double opt-in). */
@FunctionalInterface
public interface ConfirmationLinks {

    /** Newsletter forms cannot be delivered without links; this one says so. */
    ConfirmationLinks NONE = submissionId -> {
        throw new MappingException("Newsletter confirmation links are not available");
    };

    String confirmUrl(String submissionId);
}
