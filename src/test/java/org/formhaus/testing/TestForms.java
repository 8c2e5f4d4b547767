package org.formhaus.testing;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Form definitions that several tests use, in one place instead of a copy per test. Each is the JSON an admin
 * POSTs to {@code /admin/api/forms}; the {@code key} is the form's address ({@code /f/{key}}), so a test class that
 * shares a server with others picks its own.
 */
public final class TestForms {

    /**
     * The contract's example contact form, the one sandbox mode gives a new account: first name and e-mail
     * (required, to the address), a message (to the agent's log) and a required consent. Key {@code kontakt}.
     */
    public static final String CONTACT = resource("/sandbox/kontakt.json");

    private TestForms() {
    }

    /** {@link #CONTACT} under another key. */
    public static String contact(String key) {
        return withKey(CONTACT, key);
    }

    /** One required e-mail field mapped to the address: the smallest form that delivers. */
    public static String emailOnly(String key, String title) {
        return """
                {"key": "%s", "kind": "contact", "title": "%s", "fields": [
                  {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"}]}"""
                .formatted(key, title);
    }

    /** First name and e-mail, both required and mapped to the address; German. */
    public static String nameAndEmail(String key, String title) {
        return """
                { "key": "%s", "kind": "contact", "language": "de", "title": "%s",
                  "fields": [
                    {"name": "vorname", "type": "text",  "label": "Vorname", "required": true, "maps": "address.Vorname"},
                    {"name": "email",   "type": "email", "label": "E-Mail",  "required": true, "maps": "address.Email"}
                  ] }""".formatted(key, title);
    }

    /** {@code definition} with its {@code key} replaced. */
    public static String withKey(String definition, String key) {
        JsonObject json = JsonParser.parseString(definition).getAsJsonObject();
        json.addProperty("key", key);
        return json.toString();
    }

    private static String resource(String path) {
        try (InputStream in = TestForms.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
