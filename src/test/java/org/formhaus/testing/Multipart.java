package org.formhaus.testing;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/** A multipart/form-data body, built by hand: java.net.http has none. One per request; not thread-safe. */
public final class Multipart {

    private final String boundary = "----formhaus" + System.nanoTime();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public void field(String name, String value) {
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
    }

    public void file(String name, String fileName, String type, byte[] content) {
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + type + "\r\n\r\n");
        out.writeBytes(content);
        write("\r\n");
    }

    /** Closes the body and returns a POST of it to {@code uri}. */
    public HttpRequest.Builder post(URI uri) {
        write("--" + boundary + "--\r\n");
        return HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary);
    }

    private void write(String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
