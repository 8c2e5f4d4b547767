package org.formhaus.mapping;

import java.util.List;
import org.formhaus.forms.Field;
import org.formhaus.forms.FormDefinition;
import org.formhaus.forms.FormKind;
import org.formhaus.onoffice.Action;
import org.formhaus.onoffice.Actions;

/**
 * The two steps that attach an uploaded file to an onOffice record (DO uploadfile): the upload of the bytes,
 * recorded as {@code file.<id>.tmp} = the temporary upload id, and the link of that id to the record, recorded as
 * {@code file.<id>}. The upload is skipped once the link is recorded, so a retry never sends or attaches a file
 * twice; the link consumes the temporary id, so an expired one is forgotten and uploaded again on the next try.
 * Which record gets the file: see {@link #plan}. Stateless.
 */
final class FileSteps {

    /** The file kind ({@code Art}) Formhaus gives every attached file. */
    static final String ART = "Dokument";

    private FileSteps() {
    }

    /** What a submission creates or names that a file can be attached to. */
    record Records(FormKind kind, boolean address, boolean newEstate, String inquired) {
    }

    /** Where a file is attached: an onOffice module and the record's id, recorded under a key or known (inquiry). */
    private record Attachment(String module, String recordsKey, String fixedId) {
    }

    /**
     * Both steps for every file that has a record to go to: the uploads for stage one, the links for the last stage
     * (a submission that creates no record keeps its files in Formhaus only).
     */
    static void plan(FormDefinition form, List<UploadedFile> files, Records records, List<PlannedStep> first,
                     List<PlannedStep> last) {
        for (UploadedFile file : files) {
            Field field = form.fields().stream().filter(f -> f.name().equals(file.field())).findFirst().orElse(null);
            Attachment target = attachment(field, records);
            if (target != null) {
                first.add(upload(file));
                last.add(link(file, target.module(), target.recordsKey(), target.fixedId(),
                        field == null ? file.field() : field.label()));
            }
        }
    }

    /**
     * The estate for owner and valuation forms and for file fields mapped to {@code estate.*} (the new or the
     * inquired estate), else the address; null when the submission creates neither (the file stays with Formhaus).
     */
    private static Attachment attachment(Field field, Records r) {
        boolean toEstate = r.kind() == FormKind.OWNER || r.kind() == FormKind.VALUATION
                || (field != null && field.maps() != null && field.maps().startsWith("estate."));
        if (toEstate && r.newEstate()) {
            return new Attachment("estate", "estate", null);
        }
        if (toEstate && r.inquired() != null) {
            return new Attachment("estate", null, r.inquired());
        }
        if (r.address()) {
            return new Attachment("address", "address", null);
        }
        if (r.newEstate()) {
            return new Attachment("estate", "estate", null);
        }
        return r.inquired() == null ? null : new Attachment("estate", null, r.inquired());
    }

    static String linkKey(UploadedFile file) {
        return "file." + file.id();
    }

    static String uploadKey(UploadedFile file) {
        return linkKey(file) + ".tmp";
    }

    /** Stage one: the bytes, unless the file is attached already. */
    private static PlannedStep upload(UploadedFile file) {
        String linked = linkKey(file);
        return new PlannedStep(uploadKey(file),
                r -> r.has(linked) ? null : Actions.uploadFileData(file.content().read()),
                (result, stage) -> Actions.tmpUploadId(result), false, null);
    }

    /**
     * The last stage: attaches the uploaded file to the record recorded under {@code recordsKey} (or to
     * {@code fixedId}, an existing estate) of {@code module}, titled after the form field.
     */
    private static PlannedStep link(UploadedFile file, String module, String recordsKey, String fixedId, String title) {
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
