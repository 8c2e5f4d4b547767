package org.formhaus.simulator;

import static org.formhaus.simulator.SimJson.str;
import static org.formhaus.simulator.SimJson.strings;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.formhaus.onoffice.ApiRight;

/**
 * DO sendmail and DO sendaddresscompletion: mails from a mailbox assigned to the API user; each is kept in the
 * simulator's outbox, never sent.
 *
 * <p>sendmail records every parameter the reference lists that it receives ({@code subject}, {@code body},
 * {@code useHtml}, {@code replyto}, {@code cc}, {@code bcc}, {@code displayName}, {@code templateid},
 * {@code estateids}, {@code pdfexposeidentifiers}, {@code pdfletterids}, {@code pdfformids}, {@code webexposeids},
 * {@code documentattributes}, {@code onlineattachmentids}, {@code signatureid}); {@code attachmentsDirectData} (file
 * name → base64) is recorded as {@code attachments}, a list of {@code name} and decoded {@code size}. Checks as the
 * reference documents them: a template needs the right "Email templates"; an exposé identifier that is not
 * {@code urn:onoffice-de-ns:smart:2.5:pdf:expose:lang:<name>} is 54 "Invalid pdf exposé identifier". Where the
 * reference is silent the simulator chooses, and says so: an exposé or estate files without {@code estateids}
 * are also 54 (onOffice takes them from the estate); estate ids and cc/bcc entries are checked like receivers;
 * attachment size is not limited (the limit is undocumented).
 *
 * <p>sendaddresscompletion: {@code addressId} (mandatory, an existing address: the target and receiver),
 * {@code mode} {@code modus1}/{@code modus2} (else 152 "Unsupported address completion mode"), {@code emailidentity}
 * optional. Without it onOffice sends from the API user's standard sending address; the simulator, which has no
 * such setting, uses the first assigned mailbox (its choice). The mail is recorded with {@code kind}
 * {@code addressCompletion}, {@code from}, {@code to} (the address's e-mail), {@code addressId} and {@code mode}.
 *
 * <p>Not thread-safe: called under {@link Simulator}'s lock.
 */
final class SimMail {

    static final int INVALID_EXPOSE = 54;
    static final int UNSUPPORTED_COMPLETION_MODE = 152;
    static final String EXPOSE_URN = "urn:onoffice-de-ns:smart:2.5:pdf:expose:lang:";
    private static final String[] RECORDED = {"subject", "body", "replyto", "useHtml", "cc", "bcc", "displayName",
            "templateid", "estateids", "pdfexposeidentifiers", "pdfletterids", "pdfformids", "webexposeids",
            "documentattributes", "onlineattachmentids", "signatureid"};

    private final SimContext c;

    SimMail(SimContext context) {
        this.c = context;
    }

    void register(Map<String, SimAction> routes) {
        routes.put("DO sendmail", (id, p) -> send(p));
        routes.put("DO sendaddresscompletion", (id, p) -> addressCompletion(p));
    }

    private String identity(String identity) throws SimError {
        if (c.s.assignedMailboxes.stream().noneMatch(identity::equalsIgnoreCase)) {
            throw new SimError(SimError.INVALID_EMAIL_IDENTITY, "Invalid email identity");
        }
        return identity;
    }

    private SimOutcome send(JsonObject p) throws SimError {
        String identity = str(p, "emailidentity");
        if (identity == null || identity.isBlank()) throw SimError.missingParameter("emailidentity");
        identity(identity);
        if (p.has("templateid")) {
            if (!c.mayRead(ApiRight.EMAIL_TEMPLATES)) throw SimError.refused(191);
            JsonElement t = p.get("templateid");
            if (!t.isJsonPrimitive() || !t.getAsString().matches("\\d+")) {
                throw SimError.invalid("templateid", "not the id of an e-mail template");
            }
        }
        List<String> receivers = strings(p.get("receiver"));
        if (receivers.isEmpty()) throw SimError.missingParameter("receiver (at least one valid entry)");
        for (String key : new String[]{"receiver", "cc", "bcc"}) {
            for (String r : strings(p.get(key))) {
                if (!r.contains("@") && !r.matches("\\d+")) {
                    throw SimError.invalid(key, "'" + r + "' is neither an e-mail address nor an address id");
                }
            }
        }
        List<String> estates = strings(p.get("estateids"));
        for (String estate : estates) {
            c.find("estate", estate, c::estateVisible);
        }
        for (String urn : strings(p.get("pdfexposeidentifiers"))) {
            if (!urn.startsWith(EXPOSE_URN) || urn.length() == EXPOSE_URN.length() || estates.isEmpty()) {
                throw new SimError(INVALID_EXPOSE, "Invalid pdf exposé identifier");
            }
        }
        if (!strings(p.get("onlineattachmentids")).isEmpty() && estates.isEmpty()) {
            throw SimError.invalid("onlineattachmentids", "estate files need the estate in 'estateids'");
        }
        JsonObject mail = new JsonObject();
        mail.addProperty("from", identity);
        JsonArray to = new JsonArray();
        receivers.forEach(to::add);
        mail.add("to", to);
        for (String k : RECORDED) {
            if (p.has(k)) mail.add(k, p.get(k));
        }
        JsonElement direct = p.get("attachmentsDirectData");
        if (direct != null && !direct.isJsonNull()) {
            if (!direct.isJsonObject()) throw SimError.invalid("attachmentsDirectData", "must map file names to base64");
            JsonArray attachments = new JsonArray();
            for (Map.Entry<String, JsonElement> file : direct.getAsJsonObject().entrySet()) {
                byte[] bytes;
                try {
                    bytes = Base64.getDecoder().decode(file.getValue().getAsString());
                } catch (IllegalArgumentException | UnsupportedOperationException | IllegalStateException e) {
                    throw SimError.invalid("attachmentsDirectData", "'" + file.getKey() + "' is not base64");
                }
                JsonObject a = new JsonObject();
                a.addProperty("name", file.getKey());
                a.addProperty("size", bytes.length);
                attachments.add(a);
            }
            mail.add("attachments", attachments);
        }
        mail.addProperty("sentAt", c.now());
        c.s.mails.add(mail);
        return SimOutcome.success();
    }

    private SimOutcome addressCompletion(JsonObject p) throws SimError {
        String addressId = str(p, "addressId");
        if (addressId == null || addressId.isBlank()) throw SimError.missingParameter("addressId");
        String mode = str(p, "mode");
        if (mode == null || mode.isBlank()) throw SimError.missingParameter("mode");
        if (!mode.equals("modus1") && !mode.equals("modus2")) {
            throw new SimError(UNSUPPORTED_COMPLETION_MODE, "Unsupported address completion mode");
        }
        String identity = str(p, "emailidentity");
        if (identity == null || identity.isBlank()) {
            if (c.s.assignedMailboxes.isEmpty()) throw SimError.missingParameter("emailidentity");
            identity = c.s.assignedMailboxes.iterator().next();
        } else {
            identity(identity);
        }
        JsonObject address = c.find("address", addressId, c::addressVisible);
        List<String> emails = SimContacts.emails(address);
        if (emails.isEmpty()) throw SimError.invalid("addressId", "the address has no e-mail address");
        JsonObject mail = new JsonObject();
        mail.addProperty("kind", "addressCompletion");
        mail.addProperty("from", identity);
        JsonArray to = new JsonArray();
        to.add(emails.get(0));
        mail.add("to", to);
        mail.addProperty("addressId", addressId.strip());
        mail.addProperty("mode", mode);
        mail.addProperty("sentAt", c.now());
        c.s.mails.add(mail);
        return SimOutcome.success();
    }
}
