package org.formhaus.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.formhaus.storage.StoredFile;
import org.formhaus.storage.SubmissionFileStore;
import org.formhaus.testing.Multipart;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 15, public forms: an upload is checked against its field's allowed types by its bytes, not by its name or
 * the type the browser declares; a file over the limit is refused with 413 naming its field, the request over its
 * limit with 413 too. Over real HTTP, with the default settings (10 MB a file, 25 MB a request).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UploadCheckIT {

    static final String FORM = """
            { "key": "bewerbung", "kind": "contact", "language": "de", "title": "Unterlagen",
              "fields": [
                {"name": "email",  "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"},
                {"name": "expose", "type": "file",  "label": "Exposé", "accept": ["pdf"], "maps": "address.file"},
                {"name": "foto",   "type": "file",  "label": "Foto", "accept": ["image/*"], "maps": "address.file"}
              ] }""";
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1,
            0, 0, 0, 1, 8, 6, 0, 0, 0};
    static final byte[] HTML = "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
            .getBytes(StandardCharsets.UTF_8);
    static final byte[] SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
            .getBytes(StandardCharsets.UTF_8);

    TestServer server;

    @BeforeAll
    void start() throws Exception {
        server = TestServer.onH2().with(IdempotentSubmissionIT.DEFAULT_SPAM).start();
        server.adminJson("POST", "/admin/api/forms", FORM);
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    /** A multipart submission with a ripe token, the e-mail, and {@code file} in {@code field}. */
    Multipart upload(String field, String fileName, String declaredType, byte[] content) throws Exception {
        Multipart body = new Multipart();
        body.field("_fh_token", IdempotentSubmissionIT.servedToken(server, "bewerbung"));
        body.field("_fh_website", "");
        body.field("email", "upload@example.org");
        body.file(field, fileName, declaredType, content);
        return body;
    }

    HttpResponse<String> sendJson(Multipart body) throws Exception {
        return server.send(body.post(server.uri("/f/bewerbung")).header("Accept", "application/json"));
    }

    static JsonObject errors(HttpResponse<String> reply) {
        return JsonParser.parseString(reply.body()).getAsJsonObject().getAsJsonObject("errors");
    }

    @Test
    void anHtmlPageNamedAndDeclaredAsPdfIsRefused() throws Exception {
        HttpResponse<String> reply = sendJson(upload("expose", "lebenslauf.pdf", "application/pdf", HTML));
        assertEquals(422, reply.statusCode(), reply.body());
        assertEquals("Dieser Dateityp ist nicht erlaubt (erlaubt: pdf).", errors(reply).get("expose").getAsString());
    }

    @Test
    void anSvgIsNoImageForAnImageWildcardWhateverItsName() throws Exception {
        HttpResponse<String> reply = sendJson(upload("foto", "foto.png", "image/png", SVG));
        assertEquals(422, reply.statusCode(), reply.body());
        assertTrue(errors(reply).has("foto"), reply.body());
    }

    @Test
    void aFileIsTakenForWhatItsBytesAreAndStoredWithThatType() throws Exception {
        HttpResponse<String> pdf = sendJson(upload("expose", "scan", "application/octet-stream", PDF));
        assertEquals(202, pdf.statusCode(), pdf.body());
        HttpResponse<String> png = sendJson(upload("foto", "IMG_0001.HEIC", "application/octet-stream", PNG));
        assertEquals(202, png.statusCode(), png.body());
        SubmissionFileStore files = new SubmissionFileStore(server.app().database());
        List<StoredFile> stored = files.list(JsonParser.parseString(png.body()).getAsJsonObject().get("id").getAsString());
        assertEquals(1, stored.size());
        assertEquals("image/png", stored.get(0).contentType(), "the type its bytes tell, not the declared one");
    }

    @Test
    void aFileOverTheLimitIs413NamingItsField() throws Exception {
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        HttpResponse<String> json = sendJson(upload("expose", "gross.pdf", "application/pdf", big));
        assertEquals(413, json.statusCode(), json.body());
        assertEquals("Die Datei ist zu groß (höchstens 10 MB).", errors(json).get("expose").getAsString());

        HttpResponse<String> page = server.send(upload("expose", "gross.pdf", "application/pdf", big)
                .post(server.uri("/f/bewerbung")));
        assertEquals(413, page.statusCode());
        assertTrue(page.body().contains("Die Datei ist zu groß (höchstens 10 MB)."), page.body());
        assertTrue(page.body().contains("value=\"upload@example.org\""), "the other entries are kept");
    }

    @Test
    void aRequestOverItsLimitIs413() throws Exception {
        Multipart body = upload("expose", "a.pdf", "application/pdf", new byte[9 * 1024 * 1024]);
        body.file("foto", "b.png", "image/png", new byte[9 * 1024 * 1024]);
        body.file("anhang", "c.png", "image/png", new byte[9 * 1024 * 1024]);
        HttpResponse<String> reply = sendJson(body);
        assertEquals(413, reply.statusCode(), reply.body());
    }
}
