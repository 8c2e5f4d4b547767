package org.formhaus.web;

import java.sql.SQLException;
import java.util.Map;
import org.formhaus.editing.EditLinks;
import org.formhaus.editing.RecordLoader;
import org.formhaus.forms.EditSettings;
import org.formhaus.forms.FormDefinition;
import org.formhaus.storage.StoredForm;

/**
 * The form page's side of edit links: a form with an {@code edit} section opens only with a valid link
 * ({@code ?fh_edit=}), which loads its record into the page; its submission carries the token back
 * ({@code _fh_edit}) and is accepted only while the link is valid. Every refusal is a {@link Closed} with the status
 * and message keys of the page the visitor sees: 403 without a link or with one that is not this form's, 410 expired
 * or revoked, 404 a record onOffice no longer has, 503 (Retry-After) while onOffice cannot be asked or the record is
 * still being created. Thread-safe.
 */
final class EditLinkGate {

    /** No edit links: every form creates. */
    static final EditLinkGate NONE = new EditLinkGate(null, null);

    private final EditLinks links;
    private final RecordLoader loader;

    EditLinkGate(EditLinks links, RecordLoader loader) {
        this.links = links;
        this.loader = loader;
    }

    /** A visitor turned away: status, title and text keys of the messages. */
    static final class Closed extends Exception {
        final int status;
        final String title;
        final String text;

        Closed(int status, String title, String text) {
            super(text, null, false, false);
            this.status = status;
            this.title = title;
            this.text = text;
        }
    }

    /** What a page of an edit form starts with: the record's values, and the token to carry back. */
    record Opened(String token, String module, String recordId, Map<String, Object> formValues,
                  Map<String, Object> recordValues) {
    }

    static boolean edits(FormDefinition definition) {
        return EditSettings.of(definition) != null;
    }

    /** The page's record: the link checked, then onOffice read once. */
    Opened load(StoredForm form, FormDefinition definition, String token) throws Closed, SQLException {
        EditLinks.Open open = open(form, token);
        RecordLoader.Loaded loaded;
        try {
            loaded = loader.load(definition, form.accountId(), open.link().module(), open.recordId());
        } catch (RecordLoader.UnavailableException e) {
            System.getLogger(EditLinkGate.class.getName()).log(System.Logger.Level.WARNING,
                    "An edit link of form {0} could not load its record: {1}", form.key(), e.getMessage());
            throw new Closed(503, "edit.unavailable.title", "edit.unavailable.text");
        }
        if (loaded == null) {
            throw new Closed(404, "edit.missing.title", "edit.missing.text");
        }
        return new Opened(token, open.link().module(), open.recordId(), loaded.formValues(), loaded.recordValues());
    }

    /** A submission's link checked again (it may have been revoked since the page was shown); no onOffice call. */
    EditLinks.Open open(StoredForm form, String token) throws Closed, SQLException {
        if (links == null) {
            throw new Closed(403, "edit.onlyByLink.title", "edit.onlyByLink.text");
        }
        EditLinks.Opened opened = links.open(token, form);
        if (opened instanceof EditLinks.Open open) {
            return open;
        }
        if (opened instanceof EditLinks.Gone gone) {
            throw new Closed(410, "edit.gone.title", gone.revoked() ? "edit.revoked.text" : "edit.expired.text");
        }
        if (opened instanceof EditLinks.Missing) {
            throw new Closed(404, "edit.missing.title", "edit.missing.text");
        }
        if (opened instanceof EditLinks.Pending) {
            throw new Closed(503, "edit.pending.title", "edit.pending.text");
        }
        throw new Closed(403, "edit.onlyByLink.title", "edit.onlyByLink.text");
    }
}
