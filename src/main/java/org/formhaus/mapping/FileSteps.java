package org.formhaus.mapping;

import org.formhaus.onoffice.Action;
import org.formhaus.onoffice.Actions;

/**
 * The two steps that attach an uploaded file to an onOffice record (DO uploadfile): the upload of the bytes,
 * recorded as {@code file.<id>.tmp} = the temporary upload id, and the link of that id to the record, recorded as
 * {@code file.<id>}. The upload is skipped once the link is recorded, so a retry never sends or attaches a file
 * twice; the link consumes the temporary id, so an expired one is forgotten and uploaded again on the next try.
 * Stateless.
 */
final class FileSteps {

    /** The file kind ({@code Art}) Formhaus gives every attached file. */
    static final String ART = "Dokument";

    private FileSteps() {
    }

    static String linkKey(UploadedFile file) {
        return "file." + file.id();
    }

    static String uploadKey(UploadedFile file) {
        return linkKey(file) + ".tmp";
    }

    /** Stage one: the bytes, unless the file is attached already. */
    static PlannedStep upload(UploadedFile file) {
        String linked = linkKey(file);
        return new PlannedStep(uploadKey(file),
                r -> r.has(linked) ? null : Actions.uploadFileData(file.content().read()),
                (result, stage) -> Actions.tmpUploadId(result), false, null);
    }

    /**
     * The last stage: attaches the uploaded file to the record recorded under {@code recordsKey} (or to
     * {@code fixedId}, an existing estate) of {@code module}, titled after the form field.
     */
    static PlannedStep link(UploadedFile file, String module, String recordsKey, String fixedId, String title) {
        String tmp = uploadKey(file);
        return PlannedStep.create(linkKey(file), r -> {
            if (!r.has(tmp) || r.get(tmp).getAsString().isEmpty()) {
                throw new MappingException("onOffice's answer to the upload of '" + file.fileName()
                        + "' carried no tmpUploadId");
            }
            String related = fixedId;
            if (recordsKey != null) {
                if (!r.has(recordsKey)) {
                    throw new MappingException("No " + recordsKey + " was recorded to attach '" + file.fileName() + "' to");
                }
                related = r.get(recordsKey).getAsString();
            }
            Action link = Actions.linkUploadedFile(r.get(tmp).getAsString(), module, related, file.fileName(), title,
                    ART);
            return link;
        }).consuming(tmp);
    }
}
