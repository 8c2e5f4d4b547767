package org.formhaus.mail;

import java.util.List;

/**
 * What one e-mail of a form carries besides its text, as its {@code attach} object sets it:
 * {@code uploads} (the visitor's uploaded files, sent as sendmail's {@code attachmentsDirectData}), {@code expose}
 * (the name of an onOffice PDF exposé template: the submission's estate's exposé, sent as
 * {@code pdfexposeidentifiers} with {@code estateids}) and {@code documents} (fixed onOffice estate file ids, sent as
 * {@code onlineattachmentids}, which onOffice takes from the estate). Immutable.
 */
record MailAttachments(boolean uploads, String expose, List<String> documents) {

    static final MailAttachments NONE = new MailAttachments(false, null, List.of());

    MailAttachments {
        documents = List.copyOf(documents);
    }

    /** Whether the mail needs the submission's estate (an exposé, or estate files). */
    boolean needsEstate() {
        return expose != null || !documents.isEmpty();
    }

    /** The URN onOffice names a PDF exposé template by. */
    static String exposeUrn(String template) {
        return "urn:onoffice-de-ns:smart:2.5:pdf:expose:lang:" + template;
    }
}
