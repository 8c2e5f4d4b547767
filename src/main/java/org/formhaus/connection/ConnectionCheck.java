package org.formhaus.connection;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.formhaus.onoffice.Action;
import org.formhaus.onoffice.ActionResult;
import org.formhaus.onoffice.Actions;
import org.formhaus.onoffice.ApiRight;
import org.formhaus.onoffice.OnOfficeClient;
import org.formhaus.onoffice.OnOfficeException;
import org.formhaus.onoffice.OnOfficeHosts;
import org.formhaus.onoffice.OnOfficeException.Reason;

/**
 * Probes an onOffice API user and says, in the Rights tab's own words, what is missing and what breaks without it.
 * One {@link #run} sends ONE request: every probe and every sender-mailbox probe batched together. It reads the
 * credentials verdict first (wrong token, wrong secret and clock skew each get their own message), then the rights,
 * then the mailboxes. Probes do not change data: reads are limited to one record, writes target record id 0 or
 * lack a mandatory parameter so that they fail after the server's rights check.
 *
 * <p>How a failing probe is attributed: when onOffice's message names a right in double quotes (the simulator does),
 * that right is missing; otherwise the probe's rights not already proven by another successful probe are the
 * suspects, and a single suspect is reported missing, several are reported UNVERIFIED together. Any error other than
 * a missing right means the server got past its rights check, which counts as the right being present.
 *
 * <p>Reads are different: onOffice answers a read without its right with 200 and no records (apidoc:/erste-schritte/),
 * just like an account with nothing to read. A read that returns records proves its rights; one that returns none
 * proves nothing, unless it read records known to exist ({@link KnownRecords}, e.g. those Formhaus's deliveries
 * created) and its module's list read found none either: then the read right is treated like a refused probe. Without
 * known records such a right stays UNVERIFIED, saying why.
 *
 * <p>Thread-safe and cheap; create one per check or keep one per account.
 */
public final class ConnectionCheck {

    private static final System.Logger LOG = System.getLogger(ConnectionCheck.class.getName());

    private final OnOfficeClient client;
    private final Clock clock;

    public ConnectionCheck(OnOfficeClient client) {
        this(client, Clock.systemUTC());
    }

    public ConnectionCheck(OnOfficeClient client, Clock clock) {
        if (client == null) throw new IllegalArgumentException("The parameter 'client' must not be null.");
        this.client = client;
        this.clock = clock;
    }

    /** Checks credentials, every right (needed ones per {@code features}) and each sender mailbox. */
    public ConnectionReport run(Collection<String> senderMailboxes, Set<Feature> features) {
        return run(senderMailboxes, features, KnownRecords.NONE);
    }

    /**
     * As {@link #run(Collection, Set)}, reading also the {@code known} records, so that a missing read right (which
     * onOffice answers with no records, not an error) is told apart from an account without such records.
     */
    public ConnectionReport run(Collection<String> senderMailboxes, Set<Feature> features, KnownRecords known) {
        Set<Feature> used = features == null || features.isEmpty() ? EnumSet.noneOf(Feature.class) : EnumSet.copyOf(features);
        List<String> mailboxes = new ArrayList<>(new LinkedHashSet<>(senderMailboxes == null ? List.of() : senderMailboxes));
        List<Probe> probes = new ArrayList<>(Probe.all(LocalDate.now(clock),
                known == null ? KnownRecords.NONE : known));
        for (int i = 0; i < mailboxes.size(); i++) {
            probes.add(Probe.mailbox(i, mailboxes.get(i)));
        }
        List<Action> actions = probes.stream().map(p -> p.action().withIdentifier(p.id())).toList();
        String checkedAt = clock.instant().toString();
        List<ActionResult> results;
        try {
            results = client.execute(actions);
        } catch (OnOfficeException e) {
            LOG.log(Level.INFO, "onOffice connection check failed: {0}", e.getMessage());
            return unchecked(checkedAt, credentialsFailure(e.reason(), e.getMessage()), mailboxes, used);
        }
        ConnectionReport.Credentials credentials = credentials(results);
        if (!credentials.ok()) {
            return unchecked(checkedAt, credentials, mailboxes, used);
        }
        Map<String, ActionResult> byProbe = new java.util.HashMap<>();
        for (int i = 0; i < probes.size(); i++) {
            byProbe.put(probes.get(i).id(), results.get(i));
        }
        List<String> warnings = new ArrayList<>();
        List<ConnectionReport.RightCheck> rights = rights(probes, byProbe, used, warnings);
        List<ConnectionReport.MailboxCheck> boxes = new ArrayList<>();
        for (int i = 0; i < mailboxes.size(); i++) {
            boxes.add(mailbox(mailboxes.get(i), byProbe.get("mailbox" + i)));
        }
        if (used.contains(Feature.EMAIL) && mailboxes.isEmpty()) {
            warnings.add("Your forms send e-mail but no sender mailbox is configured.");
        }
        boolean ok = rights.stream().noneMatch(r -> r.status() == CheckStatus.MISSING || r.status() == CheckStatus.WRONG_SETTING)
                && boxes.stream().allMatch(b -> b.status() == CheckStatus.OK);
        return new ConnectionReport(ok, checkedAt, credentials, rights, boxes, warnings);
    }

    /** Sends a test e-mail from {@code mailbox} to itself; its arrival proves the mailbox setup. */
    public TestEmailResult sendTestEmail(String mailbox) {
        if (mailbox == null || mailbox.isBlank()) throw new IllegalArgumentException("The parameter 'mailbox' must not be empty.");
        Action mail = Actions.sendMail(mailbox, List.of(mailbox), "Formhaus: test e-mail",
                "This test e-mail was sent by Formhaus through the onOffice API from " + mailbox
                        + ". If it arrived, sending from this mailbox works.", false, null);
        try {
            client.executeOne(mail);
            return new TestEmailResult(mailbox, true, "onOffice accepted the test e-mail from " + mailbox
                    + " to itself; check that it arrives (it is filed in onOffice's outbox).");
        } catch (OnOfficeException e) {
            String text = e.onOfficeMessage() == null ? e.getMessage() : e.onOfficeMessage();
            if (identityProblem(text)) {
                return new TestEmailResult(mailbox, false, notAssigned(mailbox));
            }
            Reason r = e.reason();
            if (r == Reason.NOT_AUTHENTICATED || r == Reason.HMAC_INVALID || r == Reason.TIMESTAMP_INVALID
                    || r == Reason.CUSTOMER_UNKNOWN || r == Reason.EXTENDED_CLAIM || r == Reason.HOST_NOT_ALLOWED
                    || r.ordinal() <= Reason.RATE_LIMITED.ordinal()) {
                return new TestEmailResult(mailbox, false, credentialsFailure(r, e.getMessage()).message());
            }
            return new TestEmailResult(mailbox, false, "onOffice refused the test e-mail: " + text);
        }
    }

    // ---- credentials -----------------------------------------------------------------------------------------------

    private static ConnectionReport.Credentials credentials(List<ActionResult> results) {
        for (Reason wanted : List.of(Reason.HMAC_INVALID, Reason.TIMESTAMP_INVALID, Reason.NOT_AUTHENTICATED,
                Reason.CUSTOMER_UNKNOWN, Reason.EXTENDED_CLAIM)) {
            for (ActionResult r : results) {
                if (!r.ok() && OnOfficeException.classify(r.errorCode(), r.message()) == wanted) {
                    return credentialsFailure(wanted, r.message());
                }
            }
        }
        return new ConnectionReport.Credentials(true, CredentialsProblem.NONE,
                "onOffice accepted the API token, the secret and this server's clock.");
    }

    private static ConnectionReport.Credentials credentialsFailure(Reason reason, String detail) {
        return switch (reason) {
            case NOT_AUTHENTICATED -> new ConnectionReport.Credentials(false, CredentialsProblem.WRONG_TOKEN,
                    "onOffice does not accept the API token (\"not authenticated\"). Copy the token again from the API "
                            + "user (Tools → Settings → Users → the API user); generating a new token there invalidates "
                            + "the old one.");
            case HMAC_INVALID -> new ConnectionReport.Credentials(false, CredentialsProblem.WRONG_SECRET,
                    "onOffice knows the token but the secret does not match it (\"HMAC invalid\"). Copy the secret "
                            + "again; onOffice shows it only once, so if it is lost, generate token and secret anew.");
            case TIMESTAMP_INVALID -> new ConnectionReport.Credentials(false, CredentialsProblem.CLOCK_SKEW,
                    "onOffice rejected the time of the request (\"timestamp invalid\"): this server's clock differs "
                            + "from onOffice's by more than 120 seconds. Synchronise it with NTP; hours off usually mean "
                            + "a time-zone or daylight-saving problem.");
            case CUSTOMER_UNKNOWN -> new ConnectionReport.Credentials(false, CredentialsProblem.CUSTOMER_UNKNOWN,
                    "onOffice does not know the customer (\"Customer unknown\"). Check the API address and that the "
                            + "onOffice account and its API module are active.");
            case EXTENDED_CLAIM -> new ConnectionReport.Credentials(false, CredentialsProblem.MARKETPLACE_CLAIM,
                    "onOffice wants a current Marketplace claim (\"extendedclaim\"). Open Formhaus once from inside "
                            + "onOffice (Marketplace); that renews the claim Formhaus sends.");
            // What the other end answered (status, body, exception text) is never repeated: the URL might point to
            // a host that is not onOffice, and its answers are not the tenant's business. The server log has them.
            case TRANSPORT, TIMEOUT, SERVER_ERROR, RATE_LIMITED -> new ConnectionReport.Credentials(false,
                    CredentialsProblem.UNREACHABLE, "onOffice could not be reached or did not answer properly, so "
                    + "nothing could be checked: " + unreachable(reason));
            case HOST_NOT_ALLOWED -> new ConnectionReport.Credentials(false, CredentialsProblem.HOST_NOT_ALLOWED,
                    "The onOffice API URL does not point to onOffice's API (" + OnOfficeHosts.ONOFFICE_API_HOST
                            + ") nor to a host the operator allowed, so nothing was sent. Correct the URL under "
                            + "Settings → onOffice.");
            default -> new ConnectionReport.Credentials(false, CredentialsProblem.OTHER,
                    "onOffice refused the check: " + detail);
        };
    }

    private static String unreachable(Reason reason) {
        return switch (reason) {
            case TIMEOUT -> "no answer in time. Try again in a minute; if it persists, check the URL.";
            case SERVER_ERROR -> "the server reported an error. Try again later.";
            case RATE_LIMITED -> "too many requests just now. Try again in a minute.";
            default -> "no connection, or an answer that is not onOffice's. Check the URL under Settings → onOffice.";
        };
    }

    private static ConnectionReport unchecked(String checkedAt, ConnectionReport.Credentials credentials,
                                              List<String> mailboxes, Set<Feature> used) {
        List<ConnectionReport.RightCheck> rights = new ArrayList<>();
        for (ApiRight right : ApiRight.values()) {
            RightInfo info = RightInfo.TABLE.get(right);
            rights.add(check(right, info, info.neededBy(used) ? CheckStatus.UNVERIFIED : CheckStatus.NOT_NEEDED,
                    "not checked: the credentials were not accepted"));
        }
        List<ConnectionReport.MailboxCheck> boxes = mailboxes.stream().map(m -> new ConnectionReport.MailboxCheck(m,
                CheckStatus.UNVERIFIED, "not checked: the credentials were not accepted")).toList();
        return new ConnectionReport(false, checkedAt, credentials, rights, boxes, List.of());
    }

    // ---- rights ----------------------------------------------------------------------------------------------------

    private static List<ConnectionReport.RightCheck> rights(List<Probe> probes, Map<String, ActionResult> results,
                                                            Set<Feature> used, List<String> warnings) {
        Map<ApiRight, String> present = new EnumMap<>(ApiRight.class);
        Map<ApiRight, String> missing = new EnumMap<>(ApiRight.class);
        Map<ApiRight, String> unclear = new EnumMap<>(ApiRight.class);
        List<Probe> failed = new ArrayList<>();
        Map<String, String> emptyReads = new java.util.HashMap<>();
        for (Probe p : probes) {
            ActionResult r = results.get(p.id());
            if (p.rights().isEmpty()) continue;
            if (missingRight(r)) {
                failed.add(p);
            } else if (p.kind() != Probe.Kind.CALL && r.ok() && count(r) == 0) {
                emptyReads.put(p.id(), p.known());
            } else if (!unknownCall(r)) {
                p.rights().forEach(right -> present.putIfAbsent(right, "probe " + p.id() + " passed the rights check"));
            }
        }
        for (Probe p : probes) {
            if (p.kind() == Probe.Kind.KNOWN && emptyReads.containsKey(p.id()) && emptyReads.containsKey(p.list())) {
                failed.add(p); // not even records known to exist: how onOffice answers a read without its right
            }
        }
        for (Probe p : probes) {
            if (p.kind() == Probe.Kind.LIST && emptyReads.containsKey(p.id())) {
                String right = p.rights().get(p.rights().size() - 1).label();
                p.rights().stream().filter(r -> !present.containsKey(r)).forEach(r -> unclear.putIfAbsent(r,
                        "onOffice answered no records, which is also how it answers a read without \"" + right
                                + "\"; it can be told once Formhaus has delivered a submission that wrote such a record"));
            }
        }
        for (Probe p : failed) {
            String message = p.kind() == Probe.Kind.KNOWN ? "no records, not even " + p.known()
                    + " that Formhaus wrote before (onOffice answers a read without its right this way)"
                    : results.get(p.id()).message();
            Optional<ApiRight> named = ApiRight.namedIn(message).filter(p.rights()::contains);
            if (named.isPresent()) {
                missing.put(named.get(), "onOffice: " + message);
                continue;
            }
            List<ApiRight> suspects = p.rights().stream().filter(r -> !present.containsKey(r)).toList();
            if (suspects.size() == 1) {
                missing.put(suspects.get(0), "onOffice: " + message);
            } else {
                String labels = String.join("\", \"", suspects.stream().map(ApiRight::label).toList());
                suspects.forEach(s -> unclear.putIfAbsent(s, "one of \"" + labels + "\" is missing (onOffice: " + message + ")"));
            }
        }
        List<ConnectionReport.RightCheck> out = new ArrayList<>();
        for (ApiRight right : ApiRight.values()) {
            RightInfo info = RightInfo.TABLE.get(right);
            ConnectionReport.RightCheck c;
            if (right.restriction()) {
                c = trap(right, info, results, used, warnings);
            } else if (right == ApiRight.CREATE_SEARCH_CRITERIA_WITHOUT_ADDRESS_WRITE && !missing.containsKey(ApiRight.WRITE_ADDRESSES)) {
                c = check(right, info, CheckStatus.NOT_NEEDED,
                        "only matters while \"Write addresses\" is off; \"Write addresses\" is on");
            } else if (right == ApiRight.ADDRESS_OTHER1) {
                c = check(right, info, info.neededBy(used) ? CheckStatus.UNVERIFIED : CheckStatus.NOT_NEEDED,
                        "cannot be probed without knowing which of your fields sit on that tab; fields there are "
                                + "refused without it - check the Rights tab");
            } else {
                c = verdict(right, info, used, present.get(right), missing.get(right), unclear.get(right));
            }
            out.add(c);
        }
        return out;
    }

    private static ConnectionReport.RightCheck verdict(ApiRight right, RightInfo info, Set<Feature> used,
                                                       String present, String missing, String unclear) {
        boolean needed = info.neededBy(used);
        if (missing != null) {
            return check(right, info, needed ? CheckStatus.MISSING : CheckStatus.NOT_NEEDED,
                    needed ? missing : ConnectionReport.OFF_NOT_NEEDED);
        }
        if (present != null) {
            return check(right, info, needed ? CheckStatus.OK : CheckStatus.NOT_NEEDED, needed ? null : "currently on");
        }
        return check(right, info, needed ? CheckStatus.UNVERIFIED : CheckStatus.NOT_NEEDED,
                unclear != null ? unclear : "could not be determined (a related right is missing)");
    }

    /**
     * The "Can only ... published on the website" restrictions cannot be read directly. If a read filtered to
     * unpublished records finds one, the restriction is off; if it finds none while published ones are visible, it is
     * very probably on (almost every account has unpublished or archived records).
     */
    private static ConnectionReport.RightCheck trap(ApiRight right, RightInfo info, Map<String, ActionResult> results,
                                                    Set<Feature> used, List<String> warnings) {
        boolean estate = right == ApiRight.ONLY_PUBLISHED_PROPERTIES;
        ActionResult all = results.get(estate ? Probe.ESTATE_READ : Probe.ADDRESS_READ);
        ActionResult unpublished = results.get(estate ? Probe.ESTATE_TRAP : Probe.CONTACT_TRAP);
        boolean needed = info.neededBy(used);
        String what = estate ? "properties" : "contacts";
        if (!all.ok() || !unpublished.ok()) {
            return check(right, info, needed ? CheckStatus.UNVERIFIED : CheckStatus.NOT_NEEDED,
                    "could not read " + what + " to tell; make sure it is off");
        }
        if (count(unpublished) > 0) {
            return check(right, info, needed ? CheckStatus.OK : CheckStatus.NOT_NEEDED,
                    "off: unpublished " + what + " are visible");
        }
        if (count(all) == 0) {
            return check(right, info, needed ? CheckStatus.UNVERIFIED : CheckStatus.NOT_NEEDED,
                    "no " + what + " are visible at all, so this cannot be told; make sure it is off");
        }
        String detail = "probably ON: only " + what + " published on the website are visible to the API user. "
                + "Switch \"" + right.label() + "\" off. " + info.withoutIt();
        if (needed) {
            warnings.add("\"" + right.label() + "\" seems to be on: " + info.withoutIt());
        }
        return check(right, info, needed ? CheckStatus.WRONG_SETTING : CheckStatus.NOT_NEEDED, detail);
    }

    private static long count(ActionResult r) {
        return r.cntAbsolute() != null ? r.cntAbsolute() : r.records().size();
    }

    private static boolean missingRight(ActionResult r) {
        return !r.ok() && OnOfficeException.classify(r.errorCode(), r.message()) == Reason.MISSING_RIGHT;
    }

    /** A call this onOffice version does not know tells nothing about the right. */
    private static boolean unknownCall(ActionResult r) {
        String m = r.message() == null ? "" : r.message().toLowerCase(Locale.ROOT);
        // onOffice's 23/25 "Missing configuration for actionId/resourceType": the call does not exist there
        return !r.ok() && (r.errorCode() == 23 || r.errorCode() == 25
                || m.contains("unknown resource") || m.contains("unknown action"));
    }

    private static ConnectionReport.RightCheck check(ApiRight right, RightInfo info, CheckStatus status, String detail) {
        return new ConnectionReport.RightCheck(right.area(), right.label(), info.setting(), status, info.neededFor(),
                info.withoutIt(), detail);
    }

    // ---- mailboxes -------------------------------------------------------------------------------------------------

    private static ConnectionReport.MailboxCheck mailbox(String mailbox, ActionResult r) {
        if (!r.ok() && identityProblem(r.message())) {
            return new ConnectionReport.MailboxCheck(mailbox, CheckStatus.MISSING, notAssigned(mailbox));
        }
        if (!r.ok() && missingRight(r)) {
            return new ConnectionReport.MailboxCheck(mailbox, CheckStatus.MISSING,
                    "onOffice refused sending from " + mailbox + ": " + r.message());
        }
        return new ConnectionReport.MailboxCheck(mailbox, CheckStatus.OK, "The API user may send from " + mailbox
                + ". Send a test e-mail to be sure it arrives.");
    }

    private static boolean identityProblem(String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        return m.contains("identity") || m.contains("not assigned") || m.contains("mailbox");
    }

    private static String notAssigned(String mailbox) {
        return "The API user is not assigned to the mailbox " + mailbox + ", so onOffice will not send from it. In "
                + "onOffice: Tools → Settings → Basic settings → tab \"Email\" → pick the mailbox → \"+\" → add the "
                + "API user.";
    }
}
