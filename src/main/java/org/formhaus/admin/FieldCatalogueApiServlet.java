package org.formhaus.admin;

import org.formhaus.storage.Role;
import java.util.List;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.TreeMap;
import org.formhaus.connection.NeededRights;
import org.formhaus.http.HttpProblem;
import org.formhaus.http.Json;
import org.formhaus.http.JsonServlet;
import org.formhaus.http.KnownKeys;
import org.formhaus.onoffice.AccountMetadata;
import org.formhaus.onoffice.ApiRight;
import org.formhaus.onoffice.FieldInfo;
import org.formhaus.onoffice.OnOfficeUser;

/**
 * {@code GET /admin/api/onoffice-fields}: the form builder's field picker, the account's onOffice field catalogue by
 * module (address, estate, searchcriteria, agentslog, task, calendar, named as a form's {@code maps} names them), each
 * field with its type, length, German and English labels, permitted values, and the API-user rights that writing it
 * needs (as onOffice's Rights tab names them), and the account's users ({@code users}: user name and display name,
 * for the builder's user pickers). From the cached catalogue the save check uses; 409 while the account
 * has no onOffice connection, 502 when onOffice cannot be asked. Thread-safe.
 */
public final class FieldCatalogueApiServlet extends JsonServlet implements AdminEndpoints {

    /** Every URL this servlet answers and who may call it (checked by the access guard before it runs). */
    static final List<Endpoint> ENDPOINTS = List.of(
            Endpoint.of("GET", "/admin/api/onoffice-fields", Role.EDITOR));

    @Override
    public List<Endpoint> endpoints() {
        return ENDPOINTS;
    }


    /** onOffice's module names → the module names of a {@code maps}. */
    private static final Map<String, String> MODULES = Map.of("address", "address", "estate", "estate",
            "searchcriteria", "searchcriteria", "agentsLog", "agentslog", "task", "task", "calendar", "calendar");

    /** The account's catalogue; null when the account has no complete onOffice connection. */
    @FunctionalInterface
    public interface Catalogue {
        AccountMetadata of(long accountId) throws Exception;
    }

    private final Catalogue catalogue;

    public FieldCatalogueApiServlet(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    protected void get(HttpServletRequest request, HttpServletResponse response) throws Exception {
        KnownKeys.checkParameters(request);
        AccountMetadata metadata;
        try {
            metadata = catalogue.of(AdminAuthFilter.accountOf(request));
        } catch (HttpProblem e) {
            throw e;
        } catch (Exception e) {
            throw new HttpProblem(502, "onOffice's field catalogue cannot be read now; try again");
        }
        if (metadata == null) {
            throw new HttpProblem(409, "The account has no onOffice connection yet (Settings)");
        }
        JsonArray modules = new JsonArray();
        for (Map.Entry<String, Map<String, FieldInfo>> module : new TreeMap<>(metadata.modules()).entrySet()) {
            String name = MODULES.get(module.getKey());
            if (name == null) {
                continue;
            }
            JsonArray fields = new JsonArray();
            for (FieldInfo f : new TreeMap<>(module.getValue()).values()) {
                fields.add(field(name, f));
            }
            JsonObject m = new JsonObject();
            m.addProperty("module", name);
            m.add("fields", fields);
            modules.add(m);
        }
        // the account's users by user name and display name: the builder's pickers of onoffice.*.user settings
        JsonArray users = new JsonArray();
        for (OnOfficeUser u : metadata.users()) {
            if (u.username() != null && !u.username().isBlank()) {
                JsonObject user = new JsonObject();
                user.addProperty("username", u.username());
                user.addProperty("name", u.displayName());
                users.add(user);
            }
        }
        JsonObject reply = new JsonObject();
        reply.add("modules", modules);
        reply.add("users", users);
        Json.send(response, 200, reply);
    }

    private static JsonObject field(String module, FieldInfo f) {
        JsonObject json = new JsonObject();
        json.addProperty("maps", module + "." + f.name());
        json.addProperty("name", f.name());
        json.addProperty("type", f.type());
        json.addProperty("length", f.length());
        json.addProperty("labelDe", f.label("de"));
        json.addProperty("labelEn", f.label("en"));
        JsonArray values = new JsonArray();
        f.permittedValues().values().forEach(v -> {
            JsonObject value = new JsonObject();
            value.addProperty("key", v.key());
            value.addProperty("de", v.labelDe() == null ? v.key() : v.labelDe());
            value.addProperty("en", v.labelEn() == null ? (v.labelDe() == null ? v.key() : v.labelDe()) : v.labelEn());
            values.add(value);
        });
        json.add("permitted", values);
        JsonArray rights = new JsonArray();
        NeededRights.of(FormFeatures.forMapping(module + "." + f.name())).stream().map(ApiRight::label)
                .forEach(rights::add);
        json.add("rights", rights);
        return json;
    }
}
