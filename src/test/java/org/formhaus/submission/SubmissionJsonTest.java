package org.formhaus.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubmissionJsonTest {

    /** The shape the intake has written since uploads were added, as a MariaDB row holds it. */
    static final String STORED = "{\"values\":{\"vorname\":\"Jörg\",\"strasse\":\"Große Straße 5\","
            + "\"ausstattung\":[\"Balkon\",\"Fußbodenheizung\"],\"preis\":[\"200000\",\"\"],\"dsgvo\":\"yes\","
            + "\"newsletter\":\"\",\"expose\":\"Grundriss – EG.pdf\"},"
            + "\"language\":\"de\","
            + "\"consents\":[{\"field\":\"dsgvo\",\"text\":\"Ich stimme der Datenschutzerklärung zu.\","
            + "\"version\":\"v3\",\"formVersion\":2,\"acceptedAt\":\"2025-01-31T09:15:00.123Z\"},"
            + "{\"field\":\"agb\",\"text\":\"Die AGB gelten.\",\"formVersion\":2,\"acceptedAt\":\"2025-01-31T09:15:00Z\"}],"
            + "\"context\":{\"page\":\"https://agentur.example/häuser?id=7\",\"referrer\":\"https://suche.example/\","
            + "\"utm_source\":\"news\",\"utm_campaign\":\"frühling\"},"
            + "\"files\":[{\"field\":\"expose\",\"name\":\"Grundriss – EG.pdf\",\"contentType\":\"application/pdf\","
            + "\"size\":48213}]}";

    static AcceptedSubmission everyPart() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("vorname", "Jörg");
        values.put("strasse", "Große Straße 5");
        values.put("ausstattung", List.of("Balkon", "Fußbodenheizung"));
        values.put("preis", List.of("200000", ""));
        values.put("dsgvo", "yes");
        values.put("newsletter", "");
        values.put("expose", "Grundriss – EG.pdf");
        Map<String, String> utm = new LinkedHashMap<>();
        utm.put("utm_source", "news");
        utm.put("utm_campaign", "frühling");
        return new AcceptedSubmission(values, "de",
                List.of(new Consent("dsgvo", "Ich stimme der Datenschutzerklärung zu.", "v3", 2,
                                Instant.parse("2025-01-31T09:15:00.123Z")),
                        new Consent("agb", "Die AGB gelten.", null, 2, Instant.parse("2025-01-31T09:15:00Z"))),
                new PageContext("https://agentur.example/häuser?id=7", "https://suche.example/", utm),
                List.of(new SubmittedFile("expose", "Grundriss – EG.pdf", "application/pdf", 48213)));
    }

    @Test
    void everyPartComesBackFromTheColumnAsItWent() {
        AcceptedSubmission submission = everyPart();
        AcceptedSubmission read = SubmissionJson.read(SubmissionJson.write(submission));
        assertEquals(submission, read);
        assertEquals(List.of("vorname", "strasse", "ausstattung", "preis", "dsgvo", "newsletter", "expose"),
                List.copyOf(read.values().keySet()), "the form's order");
        assertEquals(List.of("Balkon", "Fußbodenheizung"), read.values().get("ausstattung"));
        assertEquals("v3", read.consents().get(0).version());
        assertNull(read.consents().get(1).version());
        assertEquals(Instant.parse("2025-01-31T09:15:00.123Z"), read.consents().get(0).acceptedAt());
        assertEquals("https://agentur.example/häuser?id=7", read.context().page());
        assertEquals(Map.of("utm_source", "news", "utm_campaign", "frühling"), read.context().utm());
        assertEquals(48213, read.files().get(0).size());
    }

    @Test
    void theStoredFormIsTheOneEarlierVersionsWroteSoOldRowsAndTheAdminApiStayAsTheyWere() {
        assertEquals(STORED, SubmissionJson.write(everyPart()));
        assertEquals(everyPart(), SubmissionJson.read(STORED));
        assertEquals(STORED, SubmissionJson.toJson(SubmissionJson.read(STORED)).toString());
    }

    @Test
    void umlautsAndMarkupAreStoredAsTheyAreNotEscaped() {
        Map<String, Object> values = Map.of("text", "Bitte <b>zurückrufen</b> & danke");
        String column = SubmissionJson.write(new AcceptedSubmission(values, "de", List.of(), PageContext.NONE,
                List.of()));
        assertTrue(column.contains("\"Bitte <b>zurückrufen</b> & danke\""), column);
    }

    @Test
    void aConsentWithoutVersionLeavesTheKeyOutAndAFileWithoutMediaTypeKeepsItNull() {
        AcceptedSubmission s = new AcceptedSubmission(Map.of("dsgvo", "yes"), "en",
                List.of(new Consent("dsgvo", "I agree.", null, 1, Instant.EPOCH)), PageContext.NONE,
                List.of(new SubmittedFile("cv", "cv.txt", null, 3)));
        String column = SubmissionJson.write(s);
        assertFalse(column.contains("\"version\""), column);
        assertTrue(column.contains("\"contentType\":null"), column);
        assertEquals(s, SubmissionJson.read(column));
    }

    @Test
    void anErasedSubmissionReadsAsNothingAndWritesTheMarker() {
        assertNull(SubmissionJson.read(SubmissionJson.ERASED));
        assertNull(SubmissionJson.read("{\"erased\": true}"));
        assertEquals(SubmissionJson.ERASED, SubmissionJson.write(null));
        assertEquals("{\"erased\":true}", SubmissionJson.toJson(null).toString());
    }

    @Test
    void aRowFromBeforeLanguageAndFilesWereKeptReadsWithThosePartsEmpty() {
        AcceptedSubmission old = SubmissionJson.read("{\"values\":{\"email\":\"a@example.org\"},"
                + "\"consents\":[],\"context\":{}}");
        assertEquals(Map.of("email", "a@example.org"), old.values());
        assertNull(old.language());
        assertEquals(PageContext.NONE, old.context());
        assertEquals(List.of(), old.files());
    }

    @Test
    void aSubmissionCannotBeChangedThroughWhatItWasBuiltFrom() {
        Map<String, Object> values = new LinkedHashMap<>(Map.of("vorname", "Max"));
        AcceptedSubmission s = new AcceptedSubmission(values, "de", List.of(), PageContext.NONE, List.of());
        values.put("vorname", "Moritz");
        assertEquals("Max", s.values().get("vorname"));
        assertThrows(UnsupportedOperationException.class, () -> s.values().put("x", "y"));
    }

    @Test
    void pageContextKeepsOnlyPageReferrerAndUtmParameters() {
        Map<String, String> flat = new LinkedHashMap<>();
        flat.put("utm_medium", "mail");
        flat.put("page", "https://agentur.example/");
        flat.put("cookie", "x");
        PageContext context = PageContext.of(flat);
        assertEquals("https://agentur.example/", context.page());
        assertNull(context.referrer());
        assertEquals(Map.of("page", "https://agentur.example/", "utm_medium", "mail"), context.asMap());
    }
}
