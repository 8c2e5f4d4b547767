package org.formhaus.newsletter;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.formhaus.http.ErrorReplies;
import org.formhaus.http.HttpProblem;
import org.formhaus.mapping.NewsletterConfirmation;
import org.formhaus.render.Templates;
import org.formhaus.storage.DeliveryJobStore;
import org.formhaus.storage.JobKind;
import org.formhaus.storage.Submission;
import org.formhaus.storage.SubmissionStore;

/**
 * {@code /n/confirm}: a subscriber confirms the newsletter (double opt-in). {@code GET ?t=<token>}, the link e-mailed
 * to them, shows a page with a button and changes nothing, so that mail scanners opening links confirm no one.
 * {@code POST t=<token>}, the button, records the click by queueing a {@link JobKind#NEWSLETTER_CONFIRMATION} job in
 * the delivery outbox and answers at once; delivery then writes the address with {@code newsletter_aktiv} 1 to
 * onOffice, retrying while onOffice is unreachable. Pressing the button again is harmless. onOffice is never waited
 * for here. Thread-safe.
 */
public final class NewsletterConfirmServlet extends HttpServlet {

    /** Only a database failure gets here (anything else is left to ErrorReplyFilter). */
    private static final ErrorReplies.Wording WORDING = new ErrorReplies.Wording(
            "Bitte öffnen Sie den Link später noch einmal. / Please open the link again later.",
            "Ein interner Fehler ist aufgetreten. / An internal error occurred.");

    private final transient ConfirmationTokens tokens;
    private final transient SubmissionStore submissions;
    private final transient DeliveryJobStore jobs;
    private final transient Duration giveUpAfter;
    private final transient Runnable nudge;
    private final transient Templates templates;

    /**
     * @param giveUpAfter how long the confirmation is retried while onOffice fails ({@code delivery.give.up.hours})
     * @param nudge       tells the delivery worker a job is due now
     */
    public NewsletterConfirmServlet(ConfirmationTokens tokens, SubmissionStore submissions, DeliveryJobStore jobs,
                                    Duration giveUpAfter, Runnable nudge, Templates templates) {
        this.tokens = tokens;
        this.submissions = submissions;
        this.jobs = jobs;
        this.giveUpAfter = giveUpAfter;
        this.nudge = nudge;
        this.templates = templates;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = request.getParameter("t");
        Optional<Submission> subscription = subscription(request, response, token);
        if (subscription.isEmpty()) {
            return;
        }
        String language = language(subscription.get());
        if (subscription.get().records().has(NewsletterConfirmation.CONFIRMED)) {
            confirmed(request, response, language);
            return;
        }
        boolean en = "en".equals(language);
        headers(response, 200);
        templates.render("newsletter-confirm.ftlh", Map.of("language", language,
                "title", en ? "Confirm your newsletter subscription" : "Newsletter-Anmeldung bestätigen",
                "text", en ? "Please confirm that you want to receive our newsletter."
                        : "Bitte bestätigen Sie, dass Sie unseren Newsletter erhalten möchten.",
                "button", en ? "Confirm subscription" : "Anmeldung bestätigen",
                "action", request.getContextPath() + ConfirmationTokens.PATH, "token", token,
                "base", request.getContextPath()), response.getWriter());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Submission> subscription = subscription(request, response, request.getParameter("t"));
        if (subscription.isEmpty()) {
            return;
        }
        Submission submission = subscription.get();
        if (!submission.records().has(NewsletterConfirmation.CONFIRMED)) {
            long now = System.currentTimeMillis();
            try {
                if (jobs.enqueue(submission.id(), submission.accountId(), JobKind.NEWSLETTER_CONFIRMATION, now,
                        now + giveUpAfter.toMillis())) {
                    nudge.run();
                }
            } catch (SQLException e) {
                unavailable(request, response, "Newsletter confirmation of " + submission.id() + " not recorded", e);
                return;
            }
        }
        confirmed(request, response, language(submission));
    }

    /** The subscription a token names; otherwise answers 400 (bad or expired token), 404 or 503 and returns empty. */
    private Optional<Submission> subscription(HttpServletRequest request, HttpServletResponse response, String token)
            throws IOException {
        Optional<String> id = tokens.verify(token);
        if (id.isEmpty()) {
            page(request, response, 400, "de", "Link ungültig / Invalid link",
                    "Dieser Bestätigungslink ist ungültig oder abgelaufen. / "
                            + "This confirmation link is invalid or has expired.");
            return Optional.empty();
        }
        try {
            Optional<Submission> found = submissions.find(id.get());
            // a subscription exists once its confirmation mail went out (older ones: once their address was written)
            if (found.isEmpty() || !found.get().records().has("mail.newsletterConfirmation")
                    && !found.get().records().has("address")) {
                page(request, response, 404, "de", "Nicht gefunden / Not found",
                        "Diese Anmeldung gibt es nicht (mehr). / This subscription does not exist (any more).");
                return Optional.empty();
            }
            return found;
        } catch (SQLException e) {
            unavailable(request, response, "Newsletter confirmation of " + id.get() + " failed", e);
            return Optional.empty();
        }
    }

    private static String language(Submission submission) {
        return submission.erased() || submission.data().language() == null ? "de" : submission.data().language();
    }

    private void confirmed(HttpServletRequest request, HttpServletResponse response, String language)
            throws IOException {
        boolean en = "en".equals(language);
        page(request, response, 200, language, en ? "Thank you" : "Vielen Dank",
                en ? "Your newsletter subscription is confirmed." : "Ihre Newsletter-Anmeldung ist bestätigt.");
    }

    /** A database failure, shown with its status and reference by {@link ErrorReplies}, in both languages. */
    private void unavailable(HttpServletRequest request, HttpServletResponse response, String doing,
                             SQLException e) throws IOException {
        HttpProblem shown = ErrorReplies.problem(request, e, WORDING, doing);
        ErrorReplies.headers(response, shown);
        page(request, response, shown.status(), "de", "Bitte später erneut / Please try again later",
                shown.getMessage());
    }

    private void page(HttpServletRequest request, HttpServletResponse response, int status, String language,
                      String title, String text) throws IOException {
        headers(response, status);
        templates.render("message.ftlh", Map.of("language", language, "title", title, "text", text,
                "base", request.getContextPath()), response.getWriter());
    }

    /** The token is in the address: neither cached nor passed on as a referrer. */
    private static void headers(HttpServletResponse response, int status) {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
    }
}
