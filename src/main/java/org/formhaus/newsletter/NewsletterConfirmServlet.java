package org.formhaus.newsletter;

import com.google.gson.JsonObject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.formhaus.onoffice.ActionResult;
import org.formhaus.onoffice.Actions;
import org.formhaus.onoffice.OnOfficeClient;
import org.formhaus.onoffice.OnOfficeCredentials;
import org.formhaus.onoffice.OnOfficeException;
import org.formhaus.render.Templates;
import org.formhaus.storage.Account;
import org.formhaus.storage.AccountStore;
import org.formhaus.storage.Submission;
import org.formhaus.storage.SubmissionStore;

/**
 * {@code GET /n/confirm?t=<token>}: a subscriber confirms the newsletter. The submission's address gets
 * {@code newsletter_aktiv} = 1 and an agent's-log entry, in one onOffice request, and the submission's records get
 * {@code newsletter.confirmed}. Confirming twice is harmless. When onOffice cannot be reached the visitor is asked to
 * open the link again later (the link stays valid until it expires). Thread-safe.
 */
public final class NewsletterConfirmServlet extends HttpServlet {

    private static final System.Logger LOG = System.getLogger(NewsletterConfirmServlet.class.getName());
    static final String CONFIRMED = "newsletter.confirmed";

    private final transient ConfirmationTokens tokens;
    private final transient SubmissionStore submissions;
    private final transient AccountStore accounts;
    private final transient Function<OnOfficeCredentials, OnOfficeClient> clients;
    private final transient Templates templates;

    public NewsletterConfirmServlet(ConfirmationTokens tokens, SubmissionStore submissions, AccountStore accounts,
                                    Function<OnOfficeCredentials, OnOfficeClient> clients, Templates templates) {
        this.tokens = tokens;
        this.submissions = submissions;
        this.accounts = accounts;
        this.clients = clients;
        this.templates = templates;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> id = tokens.verify(request.getParameter("t"));
        if (id.isEmpty()) {
            page(request, response, 400, "de", "Link ungültig / Invalid link",
                    "Dieser Bestätigungslink ist ungültig oder abgelaufen. / This confirmation link is invalid or has expired.");
            return;
        }
        try {
            Optional<Submission> found = submissions.find(id.get());
            Optional<Account> account = found.isEmpty() ? Optional.empty() : accounts.find(found.get().accountId());
            if (found.isEmpty() || account.isEmpty() || !found.get().records().has("address")) {
                page(request, response, 404, "de", "Nicht gefunden / Not found",
                        "Diese Anmeldung gibt es nicht (mehr). / This subscription does not exist (any more).");
                return;
            }
            Submission submission = found.get();
            String language = submission.erased() || submission.data().language() == null
                    ? "de" : submission.data().language();
            boolean en = "en".equals(language);
            if (!submission.records().has(CONFIRMED)) {
                confirm(submission, account.get());
            }
            page(request, response, 200, language, en ? "Thank you" : "Vielen Dank",
                    en ? "Your newsletter subscription is confirmed." : "Ihre Newsletter-Anmeldung ist bestätigt.");
        } catch (OnOfficeException e) {
            LOG.log(Level.WARNING, "Newsletter confirmation of " + id.get() + " could not reach onOffice: "
                    + e.getMessage());
            page(request, response, 503, "de", "Bitte später erneut / Please try again later",
                    "Die Bestätigung ist gerade nicht möglich; bitte öffnen Sie den Link später noch einmal. / "
                            + "Confirming is not possible right now; please open the link again later.");
        } catch (SQLException e) {
            LOG.log(Level.ERROR, "Newsletter confirmation of " + id.get() + " failed", e);
            page(request, response, 503, "de", "Bitte später erneut / Please try again later",
                    "Bitte öffnen Sie den Link später noch einmal. / Please open the link again later.");
        }
    }

    private void confirm(Submission submission, Account account) throws OnOfficeException, SQLException {
        String address = submission.records().get("address").getAsString();
        OnOfficeClient client = clients.apply(account.onOffice());
        List<ActionResult> results = client.execute(List.of(
                Actions.modifyAddress(address, Map.of("newsletter_aktiv", "1")).withIdentifier(CONFIRMED),
                Actions.createAgentsLog(List.of(address), null, "Email", "Eingang",
                        "Newsletter-Anmeldung bestätigt (Double-Opt-In)", Map.of()).withIdentifier("agentslog.newsletter")));
        if (!results.get(0).ok()) {
            throw OnOfficeException.of(results.get(0));
        }
        JsonObject records = submission.records().deepCopy();
        records.addProperty(CONFIRMED, "ok");
        if (results.size() > 1 && results.get(1).ok()) {
            records.addProperty("agentslog.newsletter", results.get(1).firstId());
        }
        submissions.saveRecords(submission.id(), records);
    }

    private void page(HttpServletRequest request, HttpServletResponse response, int status, String language,
                      String title, String text) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        templates.render("message.ftlh", Map.of("language", language, "title", title, "text", text,
                "base", request.getContextPath()), response.getWriter());
    }
}
