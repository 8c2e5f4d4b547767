package org.formhaus.privacy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.formhaus.export.LabelledValues;
import org.formhaus.forms.FormDefinition;
import org.formhaus.storage.DataSubjectRequestStore;
import org.formhaus.storage.FormStore;
import org.formhaus.storage.StoredFile;
import org.formhaus.storage.StoredForm;
import org.formhaus.storage.Submission;
import org.formhaus.storage.SubmissionFileStore;
import org.formhaus.storage.SubmissionSearch;
import org.formhaus.storage.SubmissionStore;
import org.formhaus.submission.SubmissionJson;

/**
 * Data-subject requests (GDPR Art. 15 access, Art. 17 erasure) about one e-mail address, over every form of one
 * account: {@link #find} lists the submissions carrying the address (by its keyed hash, see {@link TermHashes}),
 * {@link #export} gives them as JSON with labels, consents, page context and file names, {@link #erase} erases
 * their data and files as retention does. Each call is logged in {@code data_subject_request} with who asked and how
 * many submissions it concerned; the address itself only as an 8-digit tag. Submissions still on their way to
 * onOffice are not erased (they are reported; ask again once delivered). Thread-safe; one per application.
 */
public final class DataSubjectRequests {

    /** What a request is. */
    public enum Action {
        FIND, EXPORT, ERASE;

        public String stored() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The outcome of an erasure: erased submissions and files, and those left because still being delivered. */
    public record Erasure(int erased, int files, List<String> stillDelivering) {
    }

    private final TermHashes hashes;
    private final SubmissionSearch search;
    private final SubmissionStore submissions;
    private final SubmissionFileStore files;
    private final FormStore forms;
    private final DataSubjectRequestStore log;
    private final Clock clock;

    public DataSubjectRequests(TermHashes hashes, SubmissionSearch search, SubmissionStore submissions,
                               SubmissionFileStore files, FormStore forms, DataSubjectRequestStore log, Clock clock) {
        this.hashes = hashes;
        this.search = search;
        this.submissions = submissions;
        this.files = files;
        this.forms = forms;
        this.log = log;
        this.clock = clock;
    }

    /** The account's submissions that carry {@code email}, newest first (erased ones no longer do). */
    public List<Submission> find(long accountId, Long userId, String email) throws SQLException {
        List<Submission> found = matches(accountId, email);
        record(accountId, userId, Action.FIND, email, found.size(), fileCount(found));
        return found;
    }

    /** Everything stored about {@code email} in the account, as JSON ({@code {"email", "exported", "submissions"}}). */
    public JsonObject export(long accountId, Long userId, String email) throws SQLException {
        List<Submission> found = matches(accountId, email);
        JsonArray list = new JsonArray();
        int fileCount = 0;
        for (Submission s : found) {
            JsonObject item = new JsonObject();
            item.addProperty("id", s.id());
            item.addProperty("form", s.formKey());
            item.addProperty("formVersion", s.formVersion());
            item.addProperty("status", s.status().jsonName());
            item.addProperty("received", Instant.ofEpochMilli(s.createdMs()).toString());
            JsonObject values = new JsonObject();
            for (LabelledValues.Entry e : LabelledValues.of(definition(s), s.data())) {
                values.addProperty(e.label(), e.value());
            }
            item.add("values", values);
            JsonObject data = SubmissionJson.toJson(s.data());
            item.add("consents", data.get("consents"));
            item.add("context", data.get("context"));
            JsonArray fileList = new JsonArray();
            for (StoredFile f : files.list(s.id())) {
                JsonObject file = new JsonObject();
                file.addProperty("name", f.fileName());
                file.addProperty("contentType", f.contentType());
                file.addProperty("size", f.size());
                fileList.add(file);
                fileCount++;
            }
            item.add("files", fileList);
            item.add("onOfficeRecords", s.records());
            list.add(item);
        }
        record(accountId, userId, Action.EXPORT, email, found.size(), fileCount);
        JsonObject out = new JsonObject();
        out.addProperty("email", TermHashes.normalise(email));
        out.addProperty("exported", clock.instant().toString());
        out.add("submissions", list);
        return out;
    }

    /** Erases every finished submission carrying {@code email}, with its files. */
    public Erasure erase(long accountId, Long userId, String email) throws SQLException {
        int erased = 0;
        int fileCount = 0;
        List<String> waiting = new ArrayList<>();
        for (Submission s : matches(accountId, email)) {
            int deleted = submissions.erase(s.id(), clock.millis());
            if (deleted < 0) {
                waiting.add(s.id());
            } else {
                erased++;
                fileCount += deleted;
            }
        }
        record(accountId, userId, Action.ERASE, email, erased, fileCount);
        return new Erasure(erased, fileCount, waiting);
    }

    /** The account's log of requests, newest first. */
    public List<DataSubjectRequestStore.Entry> log(long accountId, int limit) throws SQLException {
        return log.list(accountId, limit);
    }

    private List<Submission> matches(long accountId, String email) throws SQLException {
        String term = hashes.email(email);
        List<Submission> found = new ArrayList<>();
        if (term == null) {
            return found;
        }
        for (String id : search.idsWithTerm(accountId, term)) {
            submissions.find(id).filter(s -> s.accountId() == accountId && !s.erased()).ifPresent(found::add);
        }
        return found;
    }

    private int fileCount(List<Submission> found) {
        return found.stream().mapToInt(s -> s.data() == null ? 0 : s.data().files().size()).sum();
    }

    private FormDefinition definition(Submission s) throws SQLException {
        Optional<StoredForm> form = forms.version(s.formKey(), s.formVersion());
        return form.map(StoredForm::definition).orElse(null);
    }

    private void record(long accountId, Long userId, Action action, String email, int count, int fileCount)
            throws SQLException {
        log.record(accountId, new DataSubjectRequestStore.Entry(clock.millis(), userId, action.stored(),
                hashes.tag(email), count, fileCount));
    }
}
