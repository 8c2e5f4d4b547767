package org.formhaus.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import org.formhaus.onoffice.Action;
import org.formhaus.onoffice.ActionResult;
import org.formhaus.onoffice.Actions;
import org.formhaus.onoffice.OnOfficeClient;
import org.formhaus.onoffice.OnOfficeException;
import org.formhaus.onoffice.OnOfficeException.Reason;
import org.junit.jupiter.api.Test;

class OnceOnlyMailsTest {

    private final List<List<Action>> sent = new ArrayList<>();
    private final List<String> saved = new ArrayList<>();
    private final JsonObject records = new JsonObject();

    private static List<Action> planned() {
        return List.of(
                Actions.sendMail("info@agentur.example", List.of("max@example.org"), "Danke", "<p>x</p>", true, null)
                        .withIdentifier("mail.confirmation"),
                Actions.sendMail("info@agentur.example", List.of("team@agentur.example"), "Neu", "<p>y</p>", true, null)
                        .withIdentifier("mail.notice"));
    }

    private OnOfficeClient answering(OnOfficeException failure, int... errorCodes) {
        return actions -> {
            sent.add(actions);
            if (failure != null) {
                throw failure;
            }
            List<ActionResult> results = new ArrayList<>();
            for (int i = 0; i < actions.size(); i++) {
                int code = i < errorCodes.length ? errorCodes[i] : 0;
                results.add(new ActionResult(actions.get(i).identifier(), "", "sendmail", "", code,
                        code == 0 ? "OK" : "Email identity 'x' is not assigned to the API user", null, null, null));
            }
            return results;
        };
    }

    /** What SubmissionDelivery does with a last request made only of mails. */
    private void send(OnOfficeClient client) throws Exception {
        if (OnceOnlyMails.markInterruptedSends(records)) {
            saved.add(records.toString());
        }
        List<Action> todo = planned().stream().filter(mail -> !records.has(mail.identifier())).toList();
        if (todo.isEmpty()) {
            return;
        }
        for (ActionResult result : OnceOnlyMails.execute(todo, records, client, r -> saved.add(r.toString()))) {
            if (!result.ok()) {
                throw OnOfficeException.of(result);
            }
        }
    }

    @Test
    void plannedMailsGoOutInOneRequestAndAreRecordedAsSent() throws Exception {
        send(answering(null));
        assertEquals(1, sent.size());
        assertEquals(2, sent.get(0).size());
        assertEquals("sent", records.get("mail.confirmation").getAsString());
        assertEquals("sent", records.get("mail.notice").getAsString());
        assertTrue(saved.get(0).contains("\"mail.confirmation\":\"sending\""), "marked before the request: " + saved);
    }

    @Test
    void aMailRecordedAlreadyIsNeverSentAgain() throws Exception {
        records.addProperty("mail.confirmation", "sent");
        send(answering(null));
        assertEquals(List.of("mail.notice"), sent.get(0).stream().map(Action::identifier).toList());
        send(answering(null));
        assertEquals(1, sent.size(), "nothing left to send");
    }

    @Test
    void aReplyLostAfterTheRequestLeftMarksTheMailsUnconfirmedAndTheyAreNotSentAgain() throws Exception {
        OnOfficeException timeout = new OnOfficeException(Reason.TIMEOUT, "No reply within 1000 ms", null);
        assertThrows(OnOfficeException.class, () -> send(answering(timeout)));
        assertEquals("unconfirmed", records.get("mail.confirmation").getAsString());
        send(answering(null));
        assertEquals(1, sent.size(), "not sent a second time");
    }

    @Test
    void aRequestOnOfficeCertainlyDidNotRunClearsTheMarksSoTheNextTrySendsThem() throws Exception {
        OnOfficeException down = new OnOfficeException(Reason.SERVER_ERROR, "HTTP 503", null);
        assertThrows(OnOfficeException.class, () -> send(answering(down)));
        assertFalse(records.has("mail.confirmation"));
        OnOfficeException refused = new OnOfficeException(Reason.TRANSPORT, "refused", new ConnectException("refused"));
        assertThrows(OnOfficeException.class, () -> send(answering(refused)));
        assertFalse(records.has("mail.notice"));
        send(answering(null));
        assertEquals(3, sent.size());
        assertEquals("sent", records.get("mail.notice").getAsString());
    }

    @Test
    void aMailOnOfficeRefusedIsNotRecordedAndItsErrorIsThrownClassified() throws Exception {
        OnOfficeException e = assertThrows(OnOfficeException.class, () -> send(answering(null, 0, 145)));
        assertFalse(e.retryable());
        assertEquals("sent", records.get("mail.confirmation").getAsString());
        assertFalse(records.has("mail.notice"), "refused, so sent after the admin fixed the mailbox");
    }

    @Test
    void aMarkLeftByATryThatDiedMidRequestBecomesUnconfirmedAndIsNotSent() throws Exception {
        records.addProperty("mail.confirmation", "sending");
        records.addProperty("mail.notice", "sending");
        send(answering(null));
        assertTrue(sent.isEmpty());
        assertEquals("unconfirmed", records.get("mail.confirmation").getAsString());
        assertEquals(1, saved.size());
    }
}
