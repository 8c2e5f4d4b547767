package org.formhaus.simulator;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * The seeded account (see {@link Simulator} for what it holds): four users, two addresses, two estates, one project. Stateless;
 * run on every fresh {@link SimState}.
 */
final class SimSeed {

    private SimSeed() {
    }

    static void into(SimState state) {
        state.users.add(user(17, "mmakler", "Maria", "Makler", "maria.makler@agentur.example"));
        state.users.add(user(18, "tteam", "Tom", "Team", "tom.team@agentur.example"));
        state.users.add(user(19, "sschulz", "Sabine", "Schulz", "sabine.schulz@agentur.example"));
        state.users.add(user(20, "formhaus-api", "", "", "info@agentur.example"));
        JsonObject erika = address("Frau", "Erika", "Musterfrau", "erika.musterfrau@example.org", "0");
        JsonObject hans = address("Herr", "Hans", "Beispiel", "hans.beispiel@example.org", "1");
        state.insert("address", erika);
        state.insert("address", hans);
        JsonObject house = estate("Einfamilienhaus mit Garten", "haus", "einfamilienhaus", "kauf", "Aachen", "1");
        house.addProperty("benutzer", 17); // responsible agent: mmakler
        house.addProperty("kaufpreis", "350000.00"); // onOffice reads floats back as strings
        state.insert("estate", house);
        state.insert("estate", estate("Etagenwohnung (in Vorbereitung)", "wohnung", "etage", "miete", "Köln", "0"));
        // projects cannot be created through the API, only read and linked (onoffice-rights.md): one is seeded
        JsonObject project = new JsonObject();
        project.addProperty("name", "Akquise 2026");
        state.insert("project", project);
    }

    private static JsonObject user(int id, String username, String first, String last, String email) {
        JsonObject u = new JsonObject();
        u.addProperty("id", id);
        u.addProperty("username", username);
        u.addProperty("firstname", first);
        u.addProperty("lastname", last);
        u.addProperty("email", email);
        return u;
    }

    private static JsonObject address(String anrede, String first, String last, String email, String published) {
        JsonObject a = new JsonObject();
        a.addProperty("Anrede", anrede);
        a.addProperty("Vorname", first);
        a.addProperty("Name", last);
        a.addProperty("Status", "1");
        a.addProperty("homepage_veroeffentlichen", published);
        JsonArray contacts = new JsonArray();
        JsonObject c = new JsonObject();
        c.addProperty("type", "email");
        c.addProperty("value", email);
        contacts.add(c);
        a.add("_contacts", contacts);
        return a;
    }

    private static JsonObject estate(String title, String art, String typ, String vermarktung, String ort, String published) {
        JsonObject e = new JsonObject();
        e.addProperty("objekttitel", title);
        e.addProperty("objektart", art);
        e.addProperty("objekttyp", typ);
        e.addProperty("vermarktungsart", vermarktung);
        e.addProperty("ort", ort);
        e.addProperty("land", "DEU");
        e.addProperty("veroeffentlichen", published);
        e.addProperty("status", "1");
        e.addProperty("verkauft", "0");
        e.addProperty("reserviert", "0");
        return e;
    }
}
