package org.formhaus.admin;

import org.formhaus.storage.Role;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.formhaus.audit.SecurityEventKind;
import org.formhaus.forms.EmailAddresses;
import org.formhaus.onoffice.OnOfficeCredentials;
import org.formhaus.storage.Account;
import org.formhaus.storage.AccountStore;
import org.formhaus.http.HttpProblem;
import org.formhaus.http.Json;
import org.formhaus.http.KnownKeys;
import org.formhaus.http.JsonServlet;

/**
 * {@code /admin/api/settings/onoffice} (url, token, write-only secret, sender mailboxes) and
 * {@code /admin/api/settings/embedding} (origins allowed to embed the account's forms).
 */
public final class SettingsApiServlet extends JsonServlet implements AdminEndpoints {

    /** Every URL this servlet answers and who may call it (checked by the access guard before it runs). */
    static final List<Endpoint> ENDPOINTS = List.of(
            Endpoint.of("GET", "/admin/api/settings/onoffice", Role.OWNER),
            Endpoint.of("PUT", "/admin/api/settings/onoffice", Role.OWNER),
            Endpoint.of("GET", "/admin/api/settings/embedding", Role.OWNER),
            Endpoint.of("PUT", "/admin/api/settings/embedding", Role.OWNER));

    @Override
    public List<Endpoint> endpoints() {
        return ENDPOINTS;
    }


    /** Longest onOffice secret accepted (onOffice's are 64 characters); the sealed form must fit its column. */
    private static final int MAX_SECRET = 500;
    /** What a PUT of the onOffice settings may hold; {@code secretSet} only as GET answered it. */
    static final KnownKeys ONOFFICE = KnownKeys.of("url", "token", "secret", "senders", "secretSet");
    static final KnownKeys EMBEDDING = KnownKeys.of("allowedOrigins");

    private final AccountStore accounts;
    private final Predicate<String> allowedHost;

    /** @param allowedHost whether an onOffice URL is on onOffice's API host or one the operator allowed */
    public SettingsApiServlet(AccountStore accounts, Predicate<String> allowedHost) {
        this.accounts = accounts;
        this.allowedHost = allowedHost;
    }

    @Override
    protected void get(HttpServletRequest request, HttpServletResponse response) throws Exception {
        Account account = account(request);
        switch (section(request)) {
            case "onoffice" -> Json.send(response, 200, onOffice(account));
            case "embedding" -> Json.send(response, 200, embedding(account));
            default -> throw HttpProblem.notFound("Settings section");
        }
    }

    @Override
    protected void put(HttpServletRequest request, HttpServletResponse response) throws Exception {
        Account account = account(request);
        String section = section(request);
        switch (section) {
            case "onoffice" -> {
                JsonObject body = Json.objectBody(request, ONOFFICE);
                checkSecretSet(body, account);
                String url = optionalString(body, "url", account.onOffice().url());
                checkUrl(url);
                String token = optionalString(body, "token", account.onOffice().token());
                String secret = body.has("secret") ? optionalString(body, "secret", null) : null;
                if (secret != null && secret.length() > MAX_SECRET) {
                    throw HttpProblem.badRequest("secret: at most " + MAX_SECRET + " characters");
                }
                List<String> senders = body.has("senders") ? strings(body, "senders") : account.senders();
                for (String sender : senders) {
                    if (!EmailAddresses.isValid(sender)) {
                        throw HttpProblem.badRequest("senders: '" + sender + "' is not an email address");
                    }
                }
                accounts.updateOnOffice(account.id(), url, token, secret, senders);
                AdminAuthFilter.callerOf(request).record(SecurityEventKind.ONOFFICE_SETTINGS_CHANGED,
                        changed(account, url, token, secret, senders));
            }
            case "embedding" -> {
                List<String> origins = strings(Json.objectBody(request, EMBEDDING), "allowedOrigins");
                for (String origin : origins) {
                    checkOrigin(origin);
                }
                accounts.updateAllowedOrigins(account.id(), origins);
            }
            default -> throw HttpProblem.notFound("Settings section");
        }
        get(request, response);
    }

    /** Which onOffice settings changed, by name only: the values (token, secret) stay out of the log. */
    private static String changed(Account before, String url, String token, String secret, List<String> senders) {
        List<String> names = new ArrayList<>();
        if (!url.equals(before.onOffice().url())) {
            names.add("url");
        }
        if (!token.equals(before.onOffice().token())) {
            names.add("token");
        }
        if (secret != null && !secret.equals(before.onOffice().secret())) {
            names.add("secret");
        }
        if (!senders.equals(before.senders())) {
            names.add("senders");
        }
        return names.isEmpty() ? "nothing changed" : "changed: " + String.join(", ", names);
    }

    private Account account(HttpServletRequest request) throws Exception {
        return accounts.find(AdminAuthFilter.accountOf(request)).orElseThrow(() -> HttpProblem.notFound("Account"));
    }

    private static String section(HttpServletRequest request) {
        String[] path = segments(request);
        return path.length == 1 ? path[0] : "";
    }

    private static JsonObject onOffice(Account account) {
        JsonObject json = new JsonObject();
        json.addProperty("url", account.onOffice().url());
        json.addProperty("token", account.onOffice().token());
        // The secret is write-only: say whether one is stored, never what it is.
        json.addProperty("secretSet", !account.onOffice().secret().isEmpty());
        json.add("senders", Json.GSON.toJsonTree(account.senders()));
        return json;
    }

    private static JsonObject embedding(Account account) {
        JsonObject json = new JsonObject();
        json.add("allowedOrigins", Json.GSON.toJsonTree(account.allowedOrigins()));
        return json;
    }

    /**
     * GET answers whether a secret is stored as {@code secretSet}; it may come back unchanged from a GET-edit-PUT, but
     * it sets nothing, so another value is refused instead of being ignored.
     */
    private static void checkSecretSet(JsonObject body, Account account) {
        JsonElement e = body.get("secretSet");
        if (e != null && !(e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean()
                && e.getAsBoolean() == !account.onOffice().secret().isEmpty())) {
            throw HttpProblem.badRequest("secretSet: is read-only (it says whether a secret is stored); send 'secret' "
                    + "to set or replace it");
        }
    }

    private static String optionalString(JsonObject body, String name, String fallback) {
        JsonElement e = body.get(name);
        if (e == null || e.isJsonNull()) {
            return fallback;
        }
        if (!e.isJsonPrimitive()) {
            throw HttpProblem.badRequest(name + ": must be a string");
        }
        return e.getAsString().strip();
    }

    private static List<String> strings(JsonObject body, String name) {
        JsonElement e = body.get(name);
        if (e == null || !e.isJsonArray()) {
            throw HttpProblem.badRequest(name + ": must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonElement item : (JsonArray) e) {
            if (!item.isJsonPrimitive()) {
                throw HttpProblem.badRequest(name + ": must be an array of strings");
            }
            out.add(item.getAsString().strip());
        }
        return out;
    }

    private void checkUrl(String url) {
        try {
            URI uri = URI.create(url);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw HttpProblem.badRequest("url: must be an http(s) URL");
            }
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest("url: is not a valid URL");
        }
        if (!allowedHost.test(url)) {
            // The allowed list is not repeated: the operator's own hosts are no business of a tenant.
            throw HttpProblem.badRequest("url: must be onOffice's API (" + OnOfficeCredentials.STABLE_URL
                    + ") or on a host the operator allowed in onoffice.hosts");
        }
    }

    /** An origin is scheme://host[:port] with nothing after it, as CSP frame-ancestors and postMessage want it. */
    private static void checkOrigin(String origin) {
        if (!origin.matches("https?://[A-Za-z0-9.*-]+(:[0-9]{1,5})?")) {
            throw HttpProblem.badRequest("allowedOrigins: '" + origin
                    + "' is not an origin like https://www.agency.example");
        }
    }
}
