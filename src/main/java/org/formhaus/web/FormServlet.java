package org.formhaus.web;

import com.google.gson.JsonObject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.formhaus.forms.FileInput;
import org.formhaus.forms.FormDefinition;
import org.formhaus.forms.FormValidator;
import org.formhaus.forms.Macros;
import org.formhaus.forms.Messages;
import org.formhaus.forms.TextMacros;
import org.formhaus.forms.ThankYouUrl;
import org.formhaus.forms.ValidationResult;
import org.formhaus.http.ErrorReplies;
import org.formhaus.http.HttpProblem;
import org.formhaus.http.Json;
import org.formhaus.http.SignedTokens;
import org.formhaus.http.UrlEncoded;
import org.formhaus.editing.EditLinks;
import org.formhaus.intake.FormIntake;
import org.formhaus.intake.IdempotencyKey;
import org.formhaus.intake.Receipt;
import org.formhaus.logs.LogContext;
import org.formhaus.options.FormOptions;
import org.formhaus.render.Templates;
import org.formhaus.storage.AccountStore;
import org.formhaus.storage.ClaimRefusedException;
import org.formhaus.storage.SharedWindows;
import org.formhaus.storage.SlidingWindows;
import org.formhaus.storage.SpamCounts;
import org.formhaus.storage.StoredForm;
import org.formhaus.storage.SubmissionClaim;
import org.formhaus.storage.SubmissionStatus;
import org.formhaus.forms.Values;
import org.formhaus.mapping.SlotWindow;
import org.formhaus.viewings.SlotOffer;
import org.formhaus.viewings.SlotOffers;
import org.formhaus.viewings.SlotRefusedException;

/**
 * {@code /f/{key}}: serves a form as a page and accepts its submissions. A submission is rate-limited, read within
 * limits ({@link SubmissionReader}), its token checked ({@link SpamGuard}); a repeat of an accepted submission (same
 * token, same values) gets that one's answer again and one with other values a 409; then it is validated, checked
 * against the honeypot (answered as if accepted, nothing stored) and the minimum fill time, stored together with its
 * delivery job, and only then answered; onOffice is never waited for here. Every refusal goes through
 * {@link #refuse}, which writes it as JSON {@code {"errors": {...}}} or as the form page again; a failure gets its
 * status and message from {@link ErrorReplies} first. Thread-safe.
 */
public final class FormServlet extends HttpServlet {

    private static final System.Logger LOG = System.getLogger(FormServlet.class.getName());

    private static final java.util.regex.Pattern FRAME_ID = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** The limits of the visitor-facing endpoint, from configuration. */
    public record Settings(int perClientPerMinute, int perFormPerMinute, int minFillSeconds, long maxBodyBytes,
                           long maxFileBytes, Duration tokenValidity) {
    }

    private final FormIntake intake;
    private final FormOptions options;
    private final FormPage page;
    private final Templates templates;
    private final SpamGuard spam;
    private final ProofOfWork proofOfWork;
    private final SubmissionReader reader;
    private final EmbedPolicy embedding;
    private final FormValidator validator = new FormValidator();
    private final SubmissionCounter counter;
    private final VisitorLanguage languages = new VisitorLanguage();
    private final FormAccess access;
    private final SlotOffers slots;
    private final EditLinkGate editing;
    private final RecordRules recordRules;
    /** Signs the thank-you page's reference to its submission ({@code fh_thanks}). */
    private final SignedTokens thanks;
    static final String THANKS_PARAM = "fh_thanks";
    private static final String THANKS_PREFIX = "thanks:";
    private static final Duration THANKS_VALIDITY = Duration.ofMinutes(30);

    public FormServlet(FormIntake intake, AccountStore accounts, FormOptions options, SpamCounts spamCounts,
                       Templates templates, String instanceKey, Settings settings, SubmissionCounter counter) {
        this(intake, accounts, options, spamCounts, templates, instanceKey, settings, counter,
                SlidingWindows.inMemory());
    }

    /**
     * {@code limits}: where rate limits and used proofs of work are counted; {@link SharedWindows} counts over every
     * instance on the database.
     */
    public FormServlet(FormIntake intake, AccountStore accounts, FormOptions options, SpamCounts spamCounts,
                       Templates templates, String instanceKey, Settings settings, SubmissionCounter counter,
                       SlidingWindows limits) {
        this(intake, accounts, options, spamCounts, templates, instanceKey, settings, counter, limits, null, null);
    }

    /**
     * {@code links} and {@code records}: edit links (#12), which open an existing onOffice record in a form with an
     * {@code edit} section; null: such a form opens for nobody.
     */
    public FormServlet(FormIntake intake, AccountStore accounts, FormOptions options, SpamCounts spamCounts,
                       Templates templates, String instanceKey, Settings settings, SubmissionCounter counter,
                       SlidingWindows limits, org.formhaus.editing.EditLinks links,
                       org.formhaus.editing.RecordLoader records) {
        this(intake, accounts, options, spamCounts, templates, instanceKey, settings, counter, limits, links, records,
                RecordRules.NONE);
    }

    /** {@code recordRules}: the live-CRM rules a valid submission must meet before it is stored (#12). */
    public FormServlet(FormIntake intake, AccountStore accounts, FormOptions options, SpamCounts spamCounts,
                       Templates templates, String instanceKey, Settings settings, SubmissionCounter counter,
                       SlidingWindows limits, org.formhaus.editing.EditLinks links,
                       org.formhaus.editing.RecordLoader records, RecordRules recordRules) {
        this(intake, accounts, options, spamCounts, templates, instanceKey, settings, counter, limits, links, records,
                recordRules, SlotOffers.NONE);
    }

    /** {@code slots}: the viewing slots of forms that offer them ({@code onoffice.appointment.slots}). */
    public FormServlet(FormIntake intake, AccountStore accounts, FormOptions options, SpamCounts spamCounts,
                       Templates templates, String instanceKey, Settings settings, SubmissionCounter counter,
                       SlidingWindows limits, org.formhaus.editing.EditLinks links,
                       org.formhaus.editing.RecordLoader records, RecordRules recordRules, SlotOffers slots) {
        this.slots = slots;
        this.editing = links == null ? EditLinkGate.NONE : new EditLinkGate(links, records);
        this.recordRules = recordRules;
        this.intake = intake;
        this.counter = counter;
        this.options = options;
        this.templates = templates;
        this.page = new FormPage(templates);
        this.spam = new SpamGuard(new FormToken(instanceKey), settings.perClientPerMinute(), settings.perFormPerMinute(),
                settings.minFillSeconds(), settings.tokenValidity(), spamCounts, limits);
        this.proofOfWork = new ProofOfWork(instanceKey, java.time.Clock.systemUTC(), limits);
        this.reader = new SubmissionReader(settings.maxBodyBytes(), settings.maxFileBytes());
        this.embedding = new EmbedPolicy(accounts);
        this.thanks = new SignedTokens(instanceKey, java.time.Clock.systemUTC());
        this.access = new FormAccess(intake.protection(), new SignedTokens(instanceKey, java.time.Clock.systemUTC()),
                templates, java.time.Clock.systemUTC());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = path(request);
        Optional<StoredForm> found;
        try {
            found = path.length == 0 ? Optional.empty() : find(path[0]);
        } catch (SQLException e) {
            unavailable(request, response, false, e, "form.unavailable", path[0]);
            return;
        }
        if (found.isPresent() && path.length == 2 && path[1].equals("challenge")) {
            Json.send(response, 200, proofOfWork.challenge(found.get().key())); // for a form that always asks
            return;
        }
        if (found.isEmpty() || path.length > 2 || (path.length == 2 && !path[1].equals("thanks"))) {
            notFound(request, response);
            return;
        }
        StoredForm form = found.get();
        embedding.frameHeaders(form.accountId(), response);
        Map<String, List<String>> query = UrlEncoded.parse(request.getQueryString(), SubmissionReader.MAX_FIELDS);
        FormDefinition definition = languages.of(options.resolve(form), request, query.get(VisitorLanguage.PARAM), null);
        if (path.length == 2) {
            Messages t = Messages.forLanguage(definition.language());
            message(request, response, 200, definition.language(), t.get("form.thanks.title"),
                    thankYouMessage(form, definition, first(query, THANKS_PARAM), t));
            return;
        }
        FormAccess.Pass pass;
        try {
            pass = access.admit(form.key(), definition, request.getRemoteAddr(), first(query, FormAccess.UNLOCK_PARAM),
                    first(query, FormAccess.KEY_PARAM));
        } catch (FormAccess.Refused r) {
            access.show(request, response, false, form, definition, r, query);
            return;
        } catch (SQLException e) {
            unavailable(request, response, false, e, "form.unavailable", form.key());
            return;
        }
        EditLinkGate.Opened opened = null;
        Map<String, String> inputs = pass.inputs();
        if (EditLinkGate.edits(definition)) {
            // the link's token is in this page's URL: no Referer may carry it away, no cache may keep the record
            response.setHeader("Referrer-Policy", "no-referrer");
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("X-Robots-Tag", "noindex"); // a personal page, never a search result
            try {
                opened = editing.load(form, definition, first(query, EditLinks.PARAM));
            } catch (EditLinkGate.Closed closed) {
                closed(request, response, false, definition, closed);
                return;
            } catch (SQLException e) {
                unavailable(request, response, false, e, "form.unavailable", form.key());
                return;
            }
            inputs = new java.util.LinkedHashMap<>(inputs);
            inputs.put(EditLinks.INPUT, opened.token());
        }
        long now = System.currentTimeMillis();
        Map<String, String> context = PageContext.fromPageRequest(definition, query, request.getHeader("Referer"));
        // The record an edit link loaded fills {{record.X}} (by onOffice field name); none otherwise.
        Map<String, String> record = opened == null ? Macros.NO_RECORD : Macros.record(opened.recordValues());
        definition = TextMacros.defaults(definition, Macros.values(Map.of(), context, record));
        Map<String, Object> loaded = opened == null ? Map.of() : opened.formValues();
        Map<String, Object> values = Prefill.values(definition, query, loaded);
        page.render(response, 200, new FormPage.Request(definition, values, Map.of(), spam.issueToken(form.key(), now),
                context, action(request, form, query), request.getContextPath(),
                opened != null || Prefill.fromQuery(definition, query), inputs, offer(form, definition, values), record));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean json = Json.wantsJson(request);
        String[] path = path(request);
        Optional<StoredForm> found;
        boolean unlock = path.length == 2 && path[1].equals("unlock");
        try {
            found = path.length == 1 || unlock ? find(path[0]) : Optional.empty();
        } catch (SQLException e) {
            unavailable(request, response, json, e, "error.unavailable", path[0]);
            return;
        }
        if (found.isEmpty()) {
            if (json) {
                ErrorReplies.json(request, response, HttpProblem.notFound("Form"));
            } else {
                notFound(request, response);
            }
            return;
        }
        StoredForm form = found.get();
        embedding.frameHeaders(form.accountId(), response);
        FormDefinition definition = options.resolve(form);
        Messages t = Messages.forLanguage(definition.language());
        long now = System.currentTimeMillis();
        SubmissionInput input = new SubmissionInput(Map.of(), Map.of());
        Map<String, List<String>> query = UrlEncoded.parse(request.getQueryString(), SubmissionReader.MAX_FIELDS);
        if (unlock) {
            unlock(request, response, json, form, definition, query);
            return;
        }
        try {
            SpamGuard.Verdict limited = spam.rateLimit(form.key(), request.getRemoteAddr(), now);
            if (limited.outcome() == SpamGuard.Outcome.LIMITED) {
                response.setHeader("Retry-After", Long.toString(limited.retryAfterSeconds()));
                if (!json) {
                    input = reader.read(request); // a browser gets its form back filled in
                }
                throw new Refusal(429, "_form", t.get("error.tooMany", limited.retryAfterSeconds()), false);
            }
            input = reader.read(request);
            // The language the page was shown in: its texts, messages and confirmation e-mail.
            definition = languages.of(definition, request, null, input.first(VisitorLanguage.FIELD));
            // Defaults with macros are filled from the page context the page carried, as on the page itself.
            definition = TextMacros.defaults(definition, Macros.values(Map.of(),
                    PageContext.fromSubmission(definition, input.params()), Macros.NO_RECORD));
            t = Messages.forLanguage(definition.language());
            SpamGuard.Verdict verdict = spam.inspectToken(form.key(), input, now);
            if (verdict.outcome() == SpamGuard.Outcome.BAD_TOKEN) {
                // A visitor the form's protection turns away never had a page: that says more than the token.
                access.admit(form.key(), definition, request.getRemoteAddr(), input.first(FormAccess.UNLOCK_INPUT),
                        input.first(FormAccess.KEY_INPUT));
                throw new Refusal(400, "_form", t.get("error.token"), true);
            }
            // A repeat first: its proof of work was used up by the submission it repeats.
            IdempotencyKey key = spam.idempotencyKey(form.key(), verdict.token(), input);
            Optional<Receipt> earlier = key == null ? Optional.empty() : intake.earlier(form.key(), key);
            if (earlier.isPresent()) {
                answer(request, response, json, form, definition, earlier.get());
                return;
            }
            FormAccess.Pass pass = access.admit(form.key(), definition, request.getRemoteAddr(),
                    input.first(FormAccess.UNLOCK_INPUT), input.first(FormAccess.KEY_INPUT));
            // An edit form's submission modifies the record of its link, checked again (revoked since?): its id goes
            // into the submission's records, never through the page.
            JsonObject records = new JsonObject();
            if (EditLinkGate.edits(definition)) {
                EditLinks.Open open = editing.open(form, input.first(EditLinks.INPUT));
                records.addProperty(EditLinks.recordsKey(open.link().module()), open.recordId());
            }
            if (limited.outcome() == SpamGuard.Outcome.PROOF_NEEDED || FormProtection.alwaysProofOfWork(definition)) {
                ProofOfWork.Verdict proof = proofOfWork.check(form.key(), input.first(ProofOfWork.FIELD));
                if (proof != ProofOfWork.Verdict.SOLVED) {
                    askForProof(request, response, json, form, definition, input, proof);
                    return;
                }
            }
            Map<String, FileInput> files = new HashMap<>();
            input.files().forEach((name, upload) -> files.put(name, upload.asFileInput()));
            ValidationResult result = validator.validate(definition, input.params(), files);
            if (!result.valid()) {
                counter.count(form.key(), SubmissionCounter.Outcome.REFUSED);
                refuse(request, response, json, form, definition, input, 422, result.errors().asMap());
                return;
            }
            if (spam.caughtByHoneypot(form.key(), input, now)) {
                // Answered as if accepted, repeats included: the bot learns nothing; nothing is stored or delivered.
                counter.count(form.key(), SubmissionCounter.Outcome.SPAM);
                answer(request, response, json, form, definition, intake.discard(form, key, now));
                return;
            }
            if (spam.tooFast(form.key(), verdict.token(), now)) {
                throw new Refusal(422, "_form", t.get("error.tooFast"), true);
            }
            Map<String, String> liveRefusals = recordRules.refusals(form.accountId(), definition, result.values(),
                    records);
            if (!liveRefusals.isEmpty()) {
                counter.count(form.key(), SubmissionCounter.Outcome.REFUSED);
                refuse(request, response, json, form, definition, input, 422, liveRefusals);
                return;
            }
            SubmissionClaim claim = access.claim(form.key(), definition, pass);
            try {
                claim = claim.withSlot(slots.claim(form.accountId(), definition, slotChosen(definition,
                        result.values()), input.first(SlotChoice.TOKEN_INPUT), estateOf(definition, result.values())));
            } catch (SlotRefusedException stale) {
                counter.count(form.key(), SubmissionCounter.Outcome.REFUSED);
                refuse(request, response, json, form, definition, input, 422,
                        Map.of(slotField(definition), t.get("form.slots.again")));
                return;
            }
            Receipt accepted = intake.accept(form, definition, result.values(),
                    PageContext.fromSubmission(definition, input.params()), input.files(), key, claim, records, now);
            if (accepted.outcome() == Receipt.Outcome.ACCEPTED) {
                counter.count(form.key(), SubmissionCounter.Outcome.ACCEPTED);
                LogContext.set(LogContext.SUBMISSION_ID, accepted.submissionId());
                LOG.log(System.Logger.Level.INFO, "Accepted a submission to form {0}", form.key());
            }
            if (!accepted.conflict()) {
                succeed(request, response, json, form, definition, accepted.submissionId(),
                        Macros.values(result.values(), PageContext.fromSubmission(definition, input.params())));
                return;
            }
            answer(request, response, json, form, definition, accepted);
        } catch (FileTooLarge f) {
            counter.count(form.key(), SubmissionCounter.Outcome.REFUSED);
            refuse(request, response, json, form, definition, f.textValues(), 413,
                    Map.of(f.field(), t.get("error.fileSize", FormValidator.megabytes(f.limitBytes()))));
        } catch (FormAccess.Refused r) {
            counter.count(form.key(), SubmissionCounter.Outcome.REFUSED);
            access.show(request, response, json, form, definition, r, query);
        } catch (EditLinkGate.Closed closed) {
            counter.count(form.key(), SubmissionCounter.Outcome.REFUSED);
            closed(request, response, json, definition, closed);
        } catch (ClaimRefusedException lost) {
            counter.count(form.key(), SubmissionCounter.Outcome.REFUSED);
            if (lost.reason() == ClaimRefusedException.Reason.SLOT_TAKEN) {
                // Another visitor booked the slot a moment before: nothing was stored; the free slots are offered again
                refuse(request, response, json, form, definition, input, 409,
                        Map.of(slotField(definition), t.get("form.slots.taken")));
                return;
            }
            access.show(request, response, json, form, definition, access.refused(lost, definition), query);
        } catch (Refusal r) {
            counter.count(form.key(), r.spam ? SubmissionCounter.Outcome.SPAM : SubmissionCounter.Outcome.REFUSED);
            refuse(request, response, json, form, definition, input, r.status, Map.of(r.field, r.getMessage()));
        } catch (RuntimeException | SQLException e) {
            counter.count(form.key(), SubmissionCounter.Outcome.REFUSED);
            HttpProblem shown = ErrorReplies.problem(request, e,
                    new ErrorReplies.Wording(t.get("error.unavailable"), t.get("error.internal")));
            String message = shown.status() == 413 ? t.get("error.tooLarge") : shown.getMessage();
            ErrorReplies.headers(response, shown);
            Map<String, String> errors = shown.status() == 503 && !json
                    ? Map.of("_form", message, FormPage.RETRY_AFTER, Integer.toString(ErrorReplies.RETRY_AFTER_SECONDS))
                    : Map.of("_form", message);
            refuse(request, response, json, form, definition, input, shown.status(), errors);
        }
    }

    /**
     * The form is flooded (or always asks): 428 with a new challenge when no solution came, 400 when it was forged,
     * expired or used before. A browser gets its form back filled in, with the challenge; form.js solves it and sends
     * the form again by itself.
     */
    private void askForProof(HttpServletRequest request, HttpServletResponse response, boolean json, StoredForm form,
                             FormDefinition definition, SubmissionInput input, ProofOfWork.Verdict proof)
            throws IOException {
        Messages t = Messages.forLanguage(definition.language());
        int status = proof == ProofOfWork.Verdict.MISSING ? 428 : 400;
        JsonObject challenge = proofOfWork.challenge(form.key());
        if (json) {
            JsonObject body = new JsonObject();
            String message = t.get(status == 428 ? "error.proofOfWork" : "error.proofOfWorkInvalid");
            body.addProperty("error", message);
            JsonObject errors = new JsonObject();
            errors.addProperty(ProofOfWork.FIELD, message);
            body.add("errors", errors);
            body.add("proofOfWork", challenge);
            Json.send(response, status, body);
            return;
        }
        refuse(request, response, false, form, definition, input, status,
                Map.of(FormPage.PROOF_OF_WORK, Json.GSON.toJson(challenge)));
    }

    /** {@code POST /f/{key}/unlock}: a password-protected form's password, read within the usual limits. */
    private void unlock(HttpServletRequest request, HttpServletResponse response, boolean json, StoredForm form,
                        FormDefinition definition, Map<String, List<String>> query) throws IOException {
        Messages t = Messages.forLanguage(definition.language());
        try {
            access.unlock(request, response, json, form, definition, query, reader.read(request).first("password"));
        } catch (RuntimeException | SQLException e) {
            HttpProblem shown = ErrorReplies.problem(request, e,
                    new ErrorReplies.Wording(t.get("error.unavailable"), t.get("error.internal")));
            ErrorReplies.json(request, response, shown);
        }
    }

    /** A submission refused before validation: status, the field to show it at ("_form": above the form), message. */
    private static final class Refusal extends Exception {
        final int status;
        final String field;
        /** A spam check's refusal (no token, too fast), not a visitor's mistake or a limit. */
        final boolean spam;

        Refusal(int status, String field, String message, boolean spam) {
            super(message, null, false, false);
            this.status = status;
            this.field = field;
            this.spam = spam;
        }
    }

    /** The answer to a submission that passed: its id (new or repeated), or 409 when its token was used otherwise. */
    private void answer(HttpServletRequest request, HttpServletResponse response, boolean json, StoredForm form,
                        FormDefinition definition, Receipt receipt) throws IOException {
        if (!receipt.conflict()) {
            succeed(request, response, json, form, definition, receipt.submissionId());
            return;
        }
        Messages t = Messages.forLanguage(definition.language());
        if (json) {
            ErrorReplies.json(request, response, new HttpProblem(409, t.get("error.tokenUsed")));
        } else {
            message(request, response, 409, definition.language(), t.get("form.alreadySent"), t.get("error.tokenUsed"));
        }
    }

    private void succeed(HttpServletRequest request, HttpServletResponse response, boolean json, StoredForm form,
                         FormDefinition definition, String id) throws IOException {
        succeed(request, response, json, form, definition, id, null);
    }

    private void succeed(HttpServletRequest request, HttpServletResponse response, boolean json, StoredForm form,
                         FormDefinition definition, String id, java.util.function.Function<String, String> macros)
            throws IOException {
        if (json) {
            JsonObject body = new JsonObject();
            body.addProperty("id", id);
            body.addProperty("status", SubmissionStatus.RECEIVED.jsonName());
            Json.send(response, 202, body);
            return;
        }
        // Macros ({{field}}, {{utm.source}}, ...) filled in percent-encoded: a value adds no parameter, path or host.
        // A repeated submission's values are not at hand here: its macros stay empty.
        String thanks = Macros.url(form.definition().thankYouUrl(), macros == null ? name -> "" : macros);
        response.setStatus(303);
        // Checked again here: a definition saved before the rule existed may hold anything.
        String frame = frameQuery(form, UrlEncoded.parse(request.getQueryString(), SubmissionReader.MAX_FIELDS));
        // The built-in thank-you page tells the embedding page the submission's id (form.js: "submitted").
        response.setHeader("Location", ThankYouUrl.allowed(thanks) ? thanks
                : request.getContextPath() + "/f/" + form.key() + "/thanks" + submitted(withLanguage(frame,
                definition), id) + thanksToken(form, definition, id));
    }

    /**
     * The built-in thank-you page's text: the definition's {@code thankYouMessage} in the visitor's language, its
     * macros filled in as plain text (the page escapes it) from the submission the signed {@code fh_thanks} names
     * (issued on sending, valid {@link #THANKS_VALIDITY}; nothing personal travels in the URL), else empty; the
     * built-in text when the form has none.
     */
    private String thankYouMessage(StoredForm form, FormDefinition definition, String token, Messages t) {
        String message = definition.text("thankYouMessage");
        if (message == null) {
            return t.get("form.thanks.text");
        }
        if (!Macros.present(message)) {
            return message;
        }
        java.util.function.Function<String, String> valueOf = name -> "";
        Optional<String> payload = thanks.open(token);
        if (payload.isPresent() && payload.get().startsWith(THANKS_PREFIX)) {
            try {
                Optional<org.formhaus.storage.Submission> s = intake.submission(payload.get()
                        .substring(THANKS_PREFIX.length()));
                if (s.isPresent() && !s.get().erased() && s.get().formKey().equals(form.key())) {
                    valueOf = Macros.values(s.get().data().values(), s.get().data().context().asMap());
                }
            } catch (SQLException e) {
                LOG.log(System.Logger.Level.WARNING, "Thank-you page of form " + form.key()
                        + " shown with its macros empty: the submission could not be read (" + e.getMessage() + ")");
            }
        }
        return Macros.text(message, valueOf);
    }

    /** The signed reference to a submission for its thank-you page's macros, when the message has any. */
    private String thanksToken(StoredForm form, FormDefinition definition, String id) {
        String message = definition.text("thankYouMessage");
        return Macros.present(message) ? "&" + THANKS_PARAM + "=" + thanks.issue(THANKS_PREFIX + id, THANKS_VALIDITY)
                : "";
    }

    /** The submission's id on the built-in thank-you page, for the embedding page's "submitted" event. */
    private static String submitted(String query, String id) {
        return (query.isEmpty() ? "?" : query + "&") + "fh_submission=" + id;
    }

    /** The built-in thank-you page in the visitor's language, when the form has several. */
    private static String withLanguage(String query, FormDefinition definition) {
        if (definition.languages().size() < 2) {
            return query;
        }
        return (query.isEmpty() ? "?" : query + "&") + VisitorLanguage.PARAM + "=" + definition.language();
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, boolean json, StoredForm form,
                        FormDefinition definition, SubmissionInput input, int status, Map<String, String> errors)
            throws IOException {
        // The visitor's entries come back as the validator cleaned them, whatever the refusal was.
        Map<String, Object> values = validator.validate(definition, input.params()).values();
        boolean slotLost = errors.containsKey(slotField(definition));
        SlotOffer offer = json && !slotLost ? null : offer(form, definition, values);
        if (json) {
            JsonObject body = new JsonObject();
            body.add("errors", Json.GSON.toJsonTree(errors));
            if (errors.containsKey("_form")) {
                body.addProperty("error", errors.get("_form"));
            }
            if (offer != null) {
                body.add("slots", Json.GSON.toJsonTree(SlotChoice.values(offer))); // the free slots, to choose again
            }
            Json.send(response, status, body);
            return;
        }
        Map<String, List<String>> query = UrlEncoded.parse(request.getQueryString(), SubmissionReader.MAX_FIELDS);
        page.render(response, status, new FormPage.Request(definition, values, errors,
                spam.issueToken(form.key(), System.currentTimeMillis()),
                PageContext.fromSubmission(definition, input.params()), action(request, form, query),
                request.getContextPath(), true, carried(input), offer));
    }

    /** The viewing slots to show on the form's page; null when the form offers none. */
    private SlotOffer offer(StoredForm form, FormDefinition definition, Map<String, Object> values) {
        if (SlotWindow.of(definition).isEmpty()) {
            return null;
        }
        return slots.offer(form.accountId(), definition, estateOf(definition, values));
    }

    /** The name of the field slots are chosen in ("_form" when the form has none, which never happens with slots). */
    private static String slotField(FormDefinition definition) {
        return SlotWindow.startField(definition).map(org.formhaus.forms.Field::name).orElse("_form");
    }

    private static String slotChosen(FormDefinition definition, Map<String, Object> values) {
        return SlotWindow.startField(definition).map(f -> Values.first(values.get(f.name()))).orElse(null);
    }

    /** The inquired estate: the value of the field mapped to {@code estate.Id}; null when none. */
    private static String estateOf(FormDefinition definition, Map<String, Object> values) {
        return definition.fields().stream().filter(f -> "estate.Id".equals(f.maps()))
                .map(f -> Values.first(values.get(f.name()))).filter(v -> !v.isEmpty()).findFirst().orElse(null);
    }

    /** The hidden inputs a re-rendered page carries on: the access ones and an edit link's token. */
    private static Map<String, String> carried(SubmissionInput input) {
        Map<String, String> inputs = new java.util.LinkedHashMap<>(FormAccess.carried(input.params()));
        String token = input.first(EditLinks.INPUT);
        if (!token.isEmpty() && token.length() <= 64) {
            inputs.put(EditLinks.INPUT, token);
        }
        return inputs;
    }

    /**
     * An edit form refused (no valid link, expired, revoked, record gone, onOffice unreachable): a page in the form's
     * language with the status, or JSON {@code {"error", "errors": {"_form"}, "edit": "<status>"}}.
     */
    private void closed(HttpServletRequest request, HttpServletResponse response, boolean json,
                        FormDefinition definition, EditLinkGate.Closed closed) throws IOException {
        Messages t = Messages.forLanguage(definition.language());
        if (closed.status == 503) {
            response.setHeader("Retry-After", Integer.toString(ErrorReplies.RETRY_AFTER_SECONDS));
        }
        if (json) {
            JsonObject body = new JsonObject();
            body.addProperty("error", t.get(closed.text));
            JsonObject errors = new JsonObject();
            errors.addProperty("_form", t.get(closed.text));
            body.add("errors", errors);
            Json.send(response, closed.status, body);
            return;
        }
        message(request, response, closed.status, definition.language(), t.get(closed.title), t.get(closed.text));
    }

    private void message(HttpServletRequest request, HttpServletResponse response, int status, String language,
                         String title, String text) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        templates.render("message.ftlh", Map.of("language", language, "title", title, "text", text,
                "base", request.getContextPath()), response.getWriter());
    }

    private void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String language = visitorLanguage(request);
        String text = Messages.forLanguage(language).get("form.notFound");
        message(request, response, 404, language, "404", text);
    }

    private String action(HttpServletRequest request, StoredForm form, Map<String, List<String>> query) {
        return request.getContextPath() + "/f/" + form.key() + frameQuery(form, query);
    }

    /** The embed parameters survive a round trip (submit, re-render, thank-you) so resizing keeps working. */
    private String frameQuery(StoredForm form, Map<String, List<String>> query) {
        String parent = embedding.allowedParent(form.accountId(), first(query, "fh_parent"));
        String frame = first(query, "fh_frame");
        if (parent == null || !FRAME_ID.matcher(frame).matches()) {
            return "";
        }
        return "?fh_parent=" + URLEncoder.encode(parent, StandardCharsets.UTF_8) + "&fh_frame=" + frame;
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    private Optional<StoredForm> find(String key) throws SQLException {
        return intake.forms().current(key);
    }

    /**
     * The form itself could not be loaded (the database blinked): 503 with Retry-After, as JSON or as a short page in
     * the visitor's language saying {@code messageKey}; form.js sends a kept submission again by itself.
     */
    private void unavailable(HttpServletRequest request, HttpServletResponse response, boolean json, SQLException e,
                             String messageKey, String formKey) throws IOException {
        Messages t = Messages.forLanguage(visitorLanguage(request));
        HttpProblem shown = ErrorReplies.problem(request, e,
                new ErrorReplies.Wording(t.get(messageKey), t.get("error.internal")));
        if (json) {
            ErrorReplies.json(request, response, shown);
            return;
        }
        ErrorReplies.headers(response, shown);
        response.setStatus(shown.status());
        response.setContentType("text/html;charset=UTF-8");
        templates.render("message.ftlh", Map.of("language", visitorLanguage(request), "title",
                Integer.toString(shown.status()), "text", shown.getMessage(), "base", request.getContextPath(),
                "retryAfter", Integer.toString(ErrorReplies.RETRY_AFTER_SECONDS), "formKey", formKey,
                "saving", t.get("form.saving")), response.getWriter());
    }

    private static String visitorLanguage(HttpServletRequest request) {
        return "en".equals(request.getLocale().getLanguage()) ? "en" : "de";
    }

    private static String[] path(HttpServletRequest request) {
        String info = request.getPathInfo();
        return info == null || info.length() <= 1 ? new String[0] : info.substring(1).split("/");
    }
}
