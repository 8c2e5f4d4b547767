package org.formhaus.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.formhaus.export.CsvSeparator;
import org.formhaus.export.SubmissionCsv;
import org.formhaus.http.Attachment;
import org.formhaus.storage.FormStore;
import org.formhaus.storage.StoredForm;
import org.formhaus.storage.SubmissionFilter;
import org.formhaus.storage.SubmissionSearch;
import org.formhaus.storage.SubmissionStatus;

/**
 * Streams the submissions a filter selects as a CSV download ({@link SubmissionCsv}): the columns come from the form
 * versions of the matches (one query), the rows from {@link SubmissionSearch#forEach} page by page, so memory stays
 * flat however many rows. Used by the admin page's export and by {@code GET /admin/api/submissions.csv}.
 * Thread-safe; one per application.
 */
public final class SubmissionExport {

    private final SubmissionSearch search;
    private final FormStore forms;
    private final ZoneId zone;

    public SubmissionExport(SubmissionSearch search, FormStore forms, ZoneId zone) {
        this.search = search;
        this.forms = forms;
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * Writes the download. @param statusText a status as the reader's language names it
     * @return how many rows were written
     */
    public long send(HttpServletResponse response, SubmissionFilter filter, CsvSeparator separator,
                     SubmissionCsv.Header header, Function<SubmissionStatus, String> statusText) throws Exception {
        List<StoredForm> versions = new ArrayList<>();
        for (SubmissionSearch.FormVersion v : search.versions(filter)) {
            forms.version(v.formKey(), v.version()).ifPresent(versions::add);
        }
        String name = "submissions-" + (filter.formKey() == null ? "all" : filter.formKey()) + "-"
                + LocalDate.now(zone) + ".csv";
        Attachment.headers(response, "text/csv;charset=UTF-8", name);
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
                64 * 1024);
        SubmissionCsv csv = SubmissionCsv.start(out, separator, versions, header, zone);
        long rows = search.forEach(filter, s -> csv.row(s, statusText.apply(s.status())));
        csv.finish();
        out.flush();
        return rows;
    }
}
