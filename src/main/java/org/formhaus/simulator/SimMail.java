package org.formhaus.simulator;

import static org.formhaus.simulator.SimJson.str;
import static org.formhaus.simulator.SimJson.strings;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import org.formhaus.onoffice.ApiRight;

/**
 * DO sendmail: from a mailbox assigned to the API user, to e-mail addresses or address ids; the mail is kept in the
 * simulator's outbox, never sent. Not thread-safe: called under {@link Simulator}'s lock.
 */
final class SimMail {

    private final SimContext c;

    SimMail(SimContext context) {
        this.c = context;
    }

    void register(Map<String, SimAction> routes) {
        routes.put("DO sendmail", (id, p) -> send(p));
    }

    private SimOutcome send(JsonObject p) throws SimError {
        String identity = str(p, "emailidentity");
        if (identity == null || identity.isBlank()) throw SimError.missingParameter("emailidentity");
        if (c.s.assignedMailboxes.stream().noneMatch(identity::equalsIgnoreCase)) {
            throw new SimError(SimError.INVALID_EMAIL_IDENTITY, "Invalid email identity");
        }
        if (p.has("templateid")) c.need("use email templates", ApiRight.EMAIL_TEMPLATES);
        List<String> receivers = strings(p.get("receiver"));
        if (receivers.isEmpty()) throw SimError.missingParameter("receiver (at least one valid entry)");
        for (String r : receivers) {
            if (!r.contains("@") && !r.matches("\\d+")) throw SimError.invalid("receiver", "'" + r + "' is neither an e-mail address nor an address id");
        }
        JsonObject mail = new JsonObject();
        mail.addProperty("from", identity);
        JsonArray to = new JsonArray();
        receivers.forEach(to::add);
        mail.add("to", to);
        for (String k : new String[]{"subject", "body", "replyto", "useHtml", "cc", "bcc", "templateid", "estateids"}) {
            if (p.has(k)) mail.add(k, p.get(k));
        }
        mail.addProperty("sentAt", c.now());
        c.s.mails.add(mail);
        return SimOutcome.success();
    }
}
