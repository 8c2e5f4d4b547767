package org.formhaus.admin.ui;

import org.formhaus.admin.Endpoint;
import org.formhaus.admin.AdminEndpoints;
import org.formhaus.storage.Role;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.formhaus.admin.AdminSession;
import org.formhaus.http.Attachment;
import org.formhaus.http.HttpProblem;
import org.formhaus.http.Json;
import org.formhaus.privacy.DataSubjectRequests;
import org.formhaus.render.Templates;
import org.formhaus.storage.DataSubjectRequestStore;
import org.formhaus.storage.Submission;

/**
 * {@code /admin/privacy}: data-subject requests (GDPR Art. 15 and 17) about one e-mail address over all the account's
 * forms: find (listed with links), export (a JSON download) and erase (with the files), and the account's log of
 * requests, which shows each address only as its 8-digit tag.
 */
public final class DataSubjectPagesServlet extends PageServlet implements AdminEndpoints {

    /** Every URL this servlet answers and who may call it (checked by the access guard before it runs). */
    static final List<Endpoint> ENDPOINTS = List.of(
            Endpoint.of("GET", "/admin/privacy", Role.EDITOR),
            Endpoint.of("POST", "/admin/privacy", Role.EDITOR));

    @Override
    public List<Endpoint> endpoints() {
        return ENDPOINTS;
    }


    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final AdminSession sessions;
    private final DataSubjectRequests requests;

    public DataSubjectPagesServlet(Templates templates, AdminSession sessions, DataSubjectRequests requests) {
        super(templates);
        this.sessions = sessions;
        this.requests = requests;
    }

    @Override
    protected void get(Page page) throws Exception {
        Optional<AdminSession.SignedIn> signedIn = sessions.current(page.request());
        if (signedIn.isEmpty()) {
            toLogin(page);
            return;
        }
        show(page, signedIn.get(), new HashMap<>());
    }

    @Override
    protected void post(Page page) throws Exception {
        Optional<AdminSession.SignedIn> signedIn = sessions.current(page.request());
        if (signedIn.isEmpty()) {
            toLogin(page);
            return;
        }
        long account = signedIn.get().accountId();
        long user = signedIn.get().user().id();
        String email = Optional.ofNullable(page.request().getParameter("email")).orElse("").strip();
        String action = Optional.ofNullable(page.request().getParameter("action")).orElse("");
        Map<String, Object> model = new HashMap<>();
        model.put("email", email);
        if (!email.contains("@")) {
            model.put("problem", page.text().get("privacy.badEmail"));
            show(page, signedIn.get(), model);
            return;
        }
        switch (action) {
            case "find" -> {
                List<Map<String, Object>> found = new ArrayList<>();
                for (Submission s : requests.find(account, user, email)) {
                    found.add(Map.of("id", s.id(), "form", s.formKey(), "status", s.status().jsonName(),
                            "created", TIME.format(Instant.ofEpochMilli(s.createdMs()))));
                }
                model.put("found", found);
                show(page, signedIn.get(), model);
            }
            case "export" -> {
                byte[] json = Json.pretty(requests.export(account, user, email)).getBytes(StandardCharsets.UTF_8);
                Attachment.headers(page.response(), "application/json;charset=UTF-8", "data-subject-export.json");
                page.response().setContentLength(json.length);
                page.response().getOutputStream().write(json);
            }
            case "erase" -> {
                DataSubjectRequests.Erasure erasure = requests.erase(account, user, email);
                model.remove("email"); // erased: the page does not repeat the address either
                model.put("erasedText", page.text().get("privacy.erased")
                        .replace("{n}", String.valueOf(erasure.erased()))
                        .replace("{files}", String.valueOf(erasure.files())));
                if (!erasure.stillDelivering().isEmpty()) {
                    model.put("waitingText", page.text().get("privacy.stillDelivering")
                            .replace("{n}", String.valueOf(erasure.stillDelivering().size())));
                }
                show(page, signedIn.get(), model);
            }
            default -> throw HttpProblem.badRequest("action must be find, export or erase");
        }
    }

    private void show(Page page, AdminSession.SignedIn signedIn, Map<String, Object> model) throws Exception {
        model.put("user", signedIn.user().email());
        List<Map<String, Object>> log = new ArrayList<>();
        for (DataSubjectRequestStore.Entry e : requests.log(signedIn.accountId(), 100)) {
            log.add(Map.of("at", TIME.format(Instant.ofEpochMilli(e.occurredMs())), "action", e.action(),
                    "tag", e.addressTag(), "submissions", e.submissions(), "files", e.files()));
        }
        model.put("log", log);
        render(page, 200, "admin/privacy.ftlh", model);
    }
}
