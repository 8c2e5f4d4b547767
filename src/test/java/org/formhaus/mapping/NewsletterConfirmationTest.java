package org.formhaus.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import org.formhaus.onoffice.Action;
import org.formhaus.onoffice.ActionKind;
import org.formhaus.onoffice.ActionResult;
import org.junit.jupiter.api.Test;

/** The onOffice steps of a subscriber's confirmation, built from the records of the subscription (issues #9, #16). */
class NewsletterConfirmationTest {

    private static final String SUBMISSION = "0f3a9c2e-5b7d-4e11-9a2b-c0ffee000001";

    private static List<PlannedStep> steps() {
        return NewsletterConfirmation.steps("Email", "Eingang", RecordTag.newsletterOf(SUBMISSION));
    }

    private static JsonObject subscribed(String addressId) {
        JsonObject records = new JsonObject();
        records.addProperty("address", addressId);
        return records;
    }

    @Test
    void theRecordedAddressGetsNewsletterActiveOne() {
        PlannedStep step = steps().get(0);
        assertEquals(NewsletterConfirmation.CONFIRMED, step.key());
        Action modify = step.action().build(subscribed("6313"));
        assertEquals(ActionKind.MODIFY, modify.kind());
        assertEquals("address", modify.resourceType());
        assertEquals("6313", modify.resourceId());
        assertEquals("1", modify.parameters().get("newsletter_aktiv").getAsString());
        assertFalse(step.lookup(), "the confirmation itself must succeed");
    }

    @Test
    void theConfirmationIsRecordedAsOk() {
        PlannedStep step = steps().get(0);
        ActionResult modified = new ActionResult(step.key(), "", "address", "6313", 0, "", List.of(), null, null);
        assertEquals("ok", step.outcome().value(modified, Map.of()));
    }

    @Test
    void anAgentsLogEntryIsWrittenForTheAddressAndMayFailWithoutHoldingUpTheConfirmation() {
        PlannedStep step = steps().get(1);
        Action log = step.action().build(subscribed("6313"));
        assertEquals("agentslog", log.resourceType());
        assertEquals("6313", log.parameters().getAsJsonArray("addressids").get(0).getAsString());
        assertTrue(log.parameters().get("note").getAsString().contains("Double-Opt-In"));
        assertTrue(step.lookup(), "best effort");
    }

    @Test
    void theEntryCarriesTheConfirmationsOwnTagAndIsProbedAfterALostReply() {
        PlannedStep step = steps().get(1);
        String note = step.action().build(subscribed("6313")).parameters().get("note").getAsString();
        assertTrue(note.endsWith("Formhaus: FN-0f3a9c2e5b7d"), note);
        assertTrue(step.probe() != null, "found again by its tag instead of written twice");
        Action probe = step.probe().action().build(subscribed("6313"));
        assertEquals("agentslog", probe.resourceType());
        assertEquals("%FN-0f3a9c2e5b7d%", probe.parameters().getAsJsonObject("filter").getAsJsonArray("Bemerkung")
                .get(0).getAsJsonObject().get("val").getAsString());
        assertFalse(RecordTag.of(SUBMISSION).in(note.replace("FN-", "XX-")), "distinct from the submission's FH- tag");
    }

    @Test
    void withTheFormsActivityOffNoEntryIsWritten() {
        assertEquals(List.of(NewsletterConfirmation.CONFIRMED), NewsletterConfirmation.steps(null, null,
                RecordTag.newsletterOf(SUBMISSION)).stream().map(PlannedStep::key).toList());
    }

    @Test
    void aSubscriptionWithoutAddressCannotBeConfirmed() {
        MappingException e = assertThrows(MappingException.class,
                () -> steps().get(0).action().build(new JsonObject()));
        assertTrue(e.getMessage().contains("no onOffice address"), e.getMessage());
    }
}
