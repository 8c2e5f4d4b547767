package org.formhaus.export;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.formhaus.forms.Field;
import org.formhaus.storage.StoredForm;
import org.formhaus.storage.Submission;

/**
 * Writes submissions as CSV for a spreadsheet: UTF-8 with a byte order mark (so Excel reads umlauts right), the
 * chosen {@link CsvSeparator}, CRLF line ends, a header row, then one row per submission: its id, time, form,
 * status and a column per field label (fields of several forms or versions with the same label share a column; a
 * label is taken from the version each submission was made with). Every cell goes through {@link CsvCells}. Rows are
 * written as they come ({@link #row}), so an export of any size holds one row in memory. Not thread-safe; one per
 * export.
 *
 * <pre>{@code
 * SubmissionCsv csv = SubmissionCsv.start(writer, CsvSeparator.SEMICOLON, versions, header, zone);
 * search.forEach(filter, csv::row);
 * csv.finish();
 * }</pre>
 */
public final class SubmissionCsv {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** The fixed columns' headings, in the reader's language. */
    public record Header(String id, String received, String form, String status) {
    }

    private final CSVPrinter printer;
    private final Map<String, Integer> columns;
    /** Per form version ("key#version"): field name → column. */
    private final Map<String, Map<String, Integer>> fieldColumns;
    /** Per form version ("key#version"): field name → field, for option labels. */
    private final Map<String, Map<String, Field>> fieldsOf;
    private final DateTimeFormatter time;

    private SubmissionCsv(CSVPrinter printer, Map<String, Integer> columns,
                          Map<String, Map<String, Integer>> fieldColumns, Map<String, Map<String, Field>> fieldsOf,
                          ZoneId zone) {
        this.printer = printer;
        this.fieldsOf = fieldsOf;
        this.columns = columns;
        this.fieldColumns = fieldColumns;
        this.time = TIME.withZone(zone);
    }

    /** Writes the byte order mark and the header row; {@code versions}: every form version the rows come from. */
    public static SubmissionCsv start(Writer out, CsvSeparator separator, List<StoredForm> versions, Header header,
                                      ZoneId zone) throws IOException {
        Map<String, Integer> columns = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> fieldColumns = new HashMap<>();
        Map<String, Map<String, Field>> fieldsOf = new HashMap<>();
        for (StoredForm form : versions) {
            Map<String, Integer> fields = new HashMap<>();
            Map<String, Field> byName = new HashMap<>();
            for (Field field : form.definition().fields()) {
                if (field.type().carriesValue()) {
                    String label = LabelledValues.label(field);
                    fields.put(field.name(), columns.computeIfAbsent(label, l -> columns.size()));
                    byName.put(field.name(), field);
                }
            }
            String version = form.definition().key() + "#" + form.version();
            fieldColumns.put(version, fields);
            fieldsOf.put(version, byName);
        }
        out.write('\uFEFF');
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setDelimiter(separator.character())
                .setRecordSeparator("\r\n").get());
        List<String> head = new ArrayList<>(List.of(header.id(), header.received(), header.form(), header.status()));
        columns.keySet().forEach(head::add);
        printer.printRecord(head.stream().map(CsvCells::neutralise).toList());
        return new SubmissionCsv(printer, columns, fieldColumns, fieldsOf, zone);
    }

    /** One submission's row; an erased one has its values empty. */
    public void row(Submission s, String statusText) throws IOException {
        String[] cells = new String[4 + columns.size()];
        java.util.Arrays.fill(cells, "");
        cells[0] = s.id();
        cells[1] = time.format(Instant.ofEpochMilli(s.createdMs()));
        cells[2] = s.formKey();
        cells[3] = statusText;
        String version = s.formKey() + "#" + s.formVersion();
        Map<String, Integer> fields = fieldColumns.getOrDefault(version, Map.of());
        Map<String, Field> byName = fieldsOf.getOrDefault(version, Map.of());
        if (s.data() != null) {
            s.data().values().forEach((name, value) -> {
                Integer column = fields.get(name);
                if (column != null) {
                    cells[4 + column] = LabelledValues.text(byName.get(name), value);
                }
            });
        }
        for (int i = 0; i < cells.length; i++) {
            printer.print(CsvCells.neutralise(cells[i]));
        }
        printer.println();
    }

    /** Flushes what is buffered; the caller closes the stream. */
    public void finish() throws IOException {
        printer.flush();
    }
}
