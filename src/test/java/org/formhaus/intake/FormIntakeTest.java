package org.formhaus.intake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.formhaus.forms.DefinitionParser;
import org.formhaus.forms.FormDefinition;
import org.formhaus.storage.Database;
import org.formhaus.storage.DeliveryJobStore;
import org.formhaus.storage.FormStore;
import org.formhaus.storage.StoredFile;
import org.formhaus.storage.StoredForm;
import org.formhaus.storage.Submission;
import org.formhaus.storage.SubmissionFileStore;
import org.formhaus.storage.SubmissionStatus;
import org.formhaus.storage.SubmissionStore;
import org.formhaus.submission.AcceptedSubmission;
import org.formhaus.submission.Consent;
import org.formhaus.submission.SubmittedFile;
import org.formhaus.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FormIntakeTest {

    static final String DEFINITION = """
            {"key": "anfrage", "kind": "contact", "language": "de", "title": "Anfrage",
             "fields": [
               {"name": "vorname", "type": "text", "label": "Vorname", "maps": "address.Vorname"},
               {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"},
               {"name": "expose", "type": "file", "label": "Exposé", "maps": "address.file"},
               {"name": "grundriss", "type": "file", "label": "Grundriss", "maps": "address.file"},
               {"name": "dsgvo", "type": "consent", "label": "Ich stimme der Datenschutzerklärung zu.",
                "required": true, "version": "v3"},
               {"name": "werbung", "type": "consent", "label": "Werbung per E-Mail ist mir recht."}
             ]}""";

    private static final long NOW = 1_738_314_900_123L;
    private static final Duration GIVE_UP = Duration.ofHours(72);

    private static TestDatabase testDb;
    private static Database db;
    private static SubmissionStore submissions;
    private final AtomicInteger woken = new AtomicInteger();

    @BeforeAll
    static void openDatabase() {
        testDb = TestDatabase.h2();
        db = testDb.open();
        submissions = new SubmissionStore(db);
    }

    @AfterAll
    static void closeDatabase() {
        db.close();
        testDb.close();
    }

    private FormIntake intake() {
        return new FormIntake(new FormStore(db, Duration.ZERO), submissions, GIVE_UP, woken::incrementAndGet);
    }

    static FormDefinition definition(String json) throws Exception {
        return new DefinitionParser().parse(JsonParser.parseString(json).getAsJsonObject());
    }

    static Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("vorname", "Jörg");
        values.put("email", "joerg@example.org");
        values.put("expose", "Exposé.pdf");
        values.put("grundriss", "");
        values.put("dsgvo", "yes");
        values.put("werbung", "");
        return values;
    }

    static Upload upload(String name) {
        return new Upload(name, "application/pdf", "%PDF-1.4 Wohnfläche".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anAcceptedSubmissionIsStoredWithItsFilesAndADueDeliveryJobThenDeliveryIsWoken() throws Exception {
        StoredForm form = new StoredForm(7, 2, definition(DEFINITION));
        Submission accepted = intake().accept(form, form.definition(), values(),
                Map.of("page", "https://agentur.example/kontakt", "utm_source", "news"),
                Map.of("expose", upload("Exposé.pdf")), NOW);

        assertEquals(1, woken.get(), "delivery is woken once, after the commit");
        Submission stored = submissions.find(accepted.id()).orElseThrow();
        assertEquals(SubmissionStatus.RECEIVED, stored.status());
        assertEquals(7, stored.accountId());
        assertEquals("anfrage", stored.formKey());
        assertEquals(2, stored.formVersion());
        assertEquals(accepted.data(), stored.data(), "what is read back is what was accepted");
        assertEquals("Jörg", stored.data().values().get("vorname"));
        assertEquals("de", stored.data().language());
        assertEquals("https://agentur.example/kontakt", stored.data().context().page());
        assertEquals(Map.of("utm_source", "news"), stored.data().context().utm());

        List<StoredFile> files = new SubmissionFileStore(db).list(accepted.id());
        assertEquals(1, files.size());
        assertEquals("Exposé.pdf", files.get(0).fileName());
        assertArrayEquals(upload("x").content(), new SubmissionFileStore(db).content(files.get(0).id()).orElseThrow());

        DeliveryJobStore.Job job = new DeliveryJobStore(db).claimDue("test", NOW, 60_000, 100, 100).stream()
                .filter(j -> j.submissionId().equals(accepted.id())).findFirst().orElseThrow();
        assertEquals(NOW + GIVE_UP.toMillis(), job.giveUpMs());
    }

    @Test
    void onlyGivenConsentsAndFilledFileFieldsAreKeptWithTheConsentTextAsTheVisitorSawIt() throws Exception {
        StoredForm form = new StoredForm(7, 2, definition(DEFINITION));
        FormDefinition shown = definition(DEFINITION.replace("Ich stimme der Datenschutzerklärung zu.",
                "Ich stimme der Datenschutzerklärung (Stand März) zu."));
        Map<String, Upload> uploads = Map.of("expose", upload("Exposé.pdf"), "grundriss", upload("leer.pdf"));

        AcceptedSubmission data = FormIntake.content(form, shown, values(), Map.of("cookie", "x"), uploads, NOW);

        assertEquals(List.of(new Consent("dsgvo", "Ich stimme der Datenschutzerklärung (Stand März) zu.", "v3", 2,
                Instant.ofEpochMilli(NOW))), data.consents(), "the unticked consent is not kept");
        assertEquals(List.of(new SubmittedFile("expose", "Exposé.pdf", "application/pdf",
                upload("x").content().length)), data.files(), "an upload whose field is empty is not kept");
        assertTrue(data.context().asMap().isEmpty(), "only page context is kept");
        assertEquals(values(), data.values());
    }

    @Test
    void whenTheCommitFailsNothingIsStoredAndDeliveryIsNotWoken() throws Exception {
        StoredForm form = new StoredForm(7, 2, definition(DEFINITION));
        int before = submissions.list(7, "anfrage", 1000).size();
        // longer than the file_name column: the file insert fails after the submission row was written
        Upload tooLong = new Upload("x".repeat(300) + ".pdf", "application/pdf", new byte[] {1});

        assertThrows(SQLException.class, () -> intake().accept(form, form.definition(), values(), Map.of(),
                Map.of("expose", tooLong), NOW));

        assertEquals(0, woken.get());
        assertEquals(before, submissions.list(7, "anfrage", 1000).size(), "the submission row was rolled back");
        try (Connection c = db.connection(); Statement st = c.createStatement();
             ResultSet orphans = st.executeQuery("SELECT COUNT(*) FROM delivery_job WHERE submission_id NOT IN "
                     + "(SELECT id FROM submission)")) {
            orphans.next();
            assertEquals(0, orphans.getInt(1), "no delivery job without its submission");
        }
    }
}
