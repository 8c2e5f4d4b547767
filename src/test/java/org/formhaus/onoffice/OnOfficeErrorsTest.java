package org.formhaus.onoffice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.stream.Stream;
import org.formhaus.onoffice.OnOfficeException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The error table drives the client's classification: every documented code gets its class, by code, not by words. */
class OnOfficeErrorsTest {

    static Stream<OnOfficeErrors.Entry> documented() {
        return OnOfficeErrors.all().stream();
    }

    @ParameterizedTest
    @MethodSource("documented")
    void everyDocumentedCodeIsClassifiedByItsCodeWhateverTheMessageSays(OnOfficeErrors.Entry entry) {
        ActionResult failed = new ActionResult("", "urn:onoffice-de-ns:smart:2.5:smartml:action:read", "address", "",
                entry.code(), "some other server wording, e.g. right permission hmac timestamp", List.of(), null, null);

        OnOfficeException e = OnOfficeException.of(failed);

        assertEquals(entry.reason(), e.reason(), entry.code() + " " + entry.message());
        assertEquals(entry.retryable(), e.retryable());
        assertEquals(!entry.permanent(), e.retryable());
        assertEquals(entry.reason(), OnOfficeException.classify(entry.code(), entry.message()));
    }

    @Test
    void theCodesTheSimulatorOnceGotWrongMeanWhatOnOfficeSays() {
        assertEquals(Reason.TIMESTAMP_INVALID, OnOfficeException.classify(136, ""));
        assertEquals(Reason.HMAC_INVALID, OnOfficeException.classify(137, ""));
        assertEquals(Reason.INVALID_REQUEST, OnOfficeException.classify(138, "Unknown field in task data"),
                "138 is an unknown task field, not a stale timestamp");
        assertEquals(Reason.EXPIRED, OnOfficeException.classify(129, "Fileupload is missing temporary upload file"));
        assertTrue(OnOfficeErrors.of(140).isEmpty(), "onOffice has no code 140");
    }

    @Test
    void rightsCodesArePermanentMissingRightsAndInvisibleRecordsAreNot() {
        for (int code : new int[]{131, 174, 261, 262, 149, 170, 156, 183, 191, 245, 246, 253, 240}) {
            assertEquals(Reason.MISSING_RIGHT, OnOfficeException.classify(code, ""), "code " + code);
        }
        for (int code : new int[]{80, 292, 293}) {
            assertEquals(Reason.ACTION_FAILED, OnOfficeException.classify(code,
                    "Unknown record. Record may not exist or the permission rights are not set accordingly for this action."),
                    "missing or invisible: not a right the client can name (" + code + ")");
        }
    }

    @Test
    void onlyUndocumentedCodesAreClassifiedByTheirMessage() {
        assertEquals(Reason.MISSING_RIGHT, OnOfficeException.classify(140, "the API user lacks the right \"Write addresses\""));
        assertEquals(Reason.INVALID_REQUEST, OnOfficeException.classify(142, "Invalid value for field 'Plz': too long"));
        assertEquals(Reason.ACTION_FAILED, OnOfficeException.classify(999, "something else"));
    }

    @Test
    void transientCodesAreRetriedAndCredentialCodesAreNot() {
        assertTrue(OnOfficeErrors.of(500).orElseThrow().retryable());
        assertTrue(OnOfficeErrors.of(129).orElseThrow().retryable());
        for (int code : new int[]{13, 22, 40, 41, 42, 43, 49, 136, 137, 193, 201, 248}) {
            assertFalse(OnOfficeErrors.of(code).orElseThrow().retryable(), "code " + code);
        }
    }

    @Test
    void aFailedResultWithDataAsAnEmptyArrayAndElementsAsArraysIsRead() {
        JsonObject failed = new JsonObject();
        failed.addProperty("actionid", "urn:onoffice-de-ns:smart:2.5:smartml:action:create");
        failed.addProperty("resourcetype", "address");
        failed.add("resourceid", com.google.gson.JsonNull.INSTANCE);
        failed.add("data", new JsonArray());
        JsonObject status = new JsonObject();
        status.addProperty("errorcode", 131);
        status.addProperty("message", "Address creation without proper user rights");
        failed.add("status", status);

        ActionResult r = ResponseParser.parseResult(failed);

        assertEquals(131, r.errorCode());
        assertEquals("", r.resourceId());
        assertTrue(r.records().isEmpty());
        assertEquals(Reason.MISSING_RIGHT, OnOfficeException.of(r).reason());
    }
}
