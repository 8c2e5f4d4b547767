package org.formhaus.http;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The one way Formhaus offers a download: {@code Content-Disposition: attachment} with an ASCII fallback name
 * (anything but letters, digits, dot, dash and underscore becomes {@code _}, so no quote, slash, CR or LF of a
 * visitor's file name reaches the header) and the exact name as RFC 5987 {@code filename*}; never cached, never
 * sniffed, sandboxed should a browser still render it. Stateless.
 */
public final class Attachment {

    private Attachment() {
    }

    public static void headers(HttpServletResponse response, String contentType, String fileName) {
        String name = fileName == null || fileName.isBlank() ? "download" : fileName.strip();
        String ascii = name.replaceAll("[^A-Za-z0-9._-]", "_");
        if (ascii.startsWith(".")) {
            ascii = "_" + ascii.substring(1);
        }
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        response.setContentType(contentType);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + encoded);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Security-Policy", "sandbox; default-src 'none'");
    }
}
