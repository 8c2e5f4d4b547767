package org.formhaus.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.formhaus.onoffice.ActionResult;
import org.formhaus.onoffice.OnOfficeException;
import org.formhaus.onoffice.OnOfficeException.Reason;
import org.junit.jupiter.api.Test;

class FailureReasonTest {

    private static OnOfficeException failed(int code, String message) {
        return OnOfficeException.of(new ActionResult("", "", "address", "", code, message, null, null, null));
    }

    @Test
    void aMissingRightIsNamedAsOnOfficeNamesItWithWhereToGrantIt() {
        String reason = FailureReason.of(failed(140,
                "No permission to create addresses: the API user lacks the right \"Write addresses\""));
        assertTrue(reason.startsWith("The onOffice API user lacks a right"), reason);
        assertTrue(reason.contains("\"Write addresses\""), reason);
        assertTrue(reason.contains("Tools → Settings → Users → the API user → Rights"), reason);
    }

    @Test
    void rejectedCredentialsSayToCheckTokenAndSecret() {
        String reason = FailureReason.of(new OnOfficeException(Reason.NOT_AUTHENTICATED, 22, "not authenticated",
                "onOffice refused the request", null));
        assertEquals("onOffice rejected the credentials (onOffice error 22 \"not authenticated\"): check the API "
                + "user's token and secret under Settings → onOffice, then retry", reason);
    }

    @Test
    void anUnassignedMailboxSaysWhereToAssignIt() {
        String reason = FailureReason.of(failed(145, "Email identity 'x@agentur.example' is not assigned to the API user"));
        assertTrue(reason.contains("Basic settings → Email"), reason);
    }

    @Test
    void aPassingFailureKeepsTheClientsOwnMessage() {
        assertEquals("No reply from onOffice within 1000 ms (the actions may have run)", FailureReason.of(
                new OnOfficeException(Reason.TIMEOUT, "No reply from onOffice within 1000 ms (the actions may have run)",
                        null)));
    }
}
