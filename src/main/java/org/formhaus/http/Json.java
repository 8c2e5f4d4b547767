package org.formhaus.http;

import com.google.gson.FormattingStyle;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/**
 * Reading JSON request bodies and writing JSON replies, the same way everywhere, and {@link #GSON}: the one Gson
 * configuration of Formhaus (nulls are written, characters are not HTML-escaped since no JSON is ever inlined into
 * HTML unescaped). Error replies are written by {@link ErrorReplies}. Stateless and thread-safe.
 */
public final class Json {

    /** The one Gson configuration; thread-safe. */
    public static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();
    /** Request bodies larger than this are refused before parsing. */
    static final int MAX_BODY = 1_000_000;

    private Json() {
    }

    public static void send(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        String text = body instanceof JsonElement element ? GSON.toJson(element) : GSON.toJson(body);
        response.getWriter().write(text);
    }

    /** {@code json} indented for people to read (the admin's form editor), with the one configuration. */
    public static String pretty(JsonElement json) {
        StringWriter out = new StringWriter();
        JsonWriter writer = new JsonWriter(out);
        writer.setFormattingStyle(FormattingStyle.PRETTY);
        GSON.toJson(json, writer);
        return out.toString();
    }

    /**
     * The request body as JSON; a 400 naming the problem when it is not, a 413 when it is over {@link #MAX_BODY}
     * bytes, whether it declares its length or comes in chunks. Always read as UTF-8, whatever charset the
     * Content-Type names or leaves out: JSON is UTF-8 by definition (RFC 8259), while containers decode a body
     * without a charset as ISO-8859-1 ("Rückruf" would arrive as "RÃ¼ckruf").
     */
    public static JsonElement body(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY) {
            throw tooLarge();
        }
        InputStream in = request.getInputStream();
        // The limit is counted on what arrives: a chunked body declares no length.
        byte[] bytes = in.readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            // Read on a little (bounded, discarded) so that a client still sending gets the 413 rather than a reset
            // connection; beyond that the container closes it.
            drain(in);
            throw tooLarge();
        }
        try {
            JsonElement parsed = JsonParser.parseString(new String(bytes, StandardCharsets.UTF_8));
            if (parsed == null || parsed.isJsonNull()) {
                throw HttpProblem.badRequest("Request body must be JSON, got nothing");
            }
            return parsed;
        } catch (JsonParseException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw HttpProblem.badRequest("Malformed JSON: " + cause.getMessage());
        }
    }

    /** How much of a refused body is read and thrown away, at most. */
    private static final long DRAIN_LIMIT = 8L * MAX_BODY;

    private static void drain(InputStream in) {
        byte[] buffer = new byte[8192];
        long left = DRAIN_LIMIT;
        try {
            int n;
            while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
                left -= n;
            }
        } catch (IOException e) {
            // the client went away: nothing to answer anyway
        }
    }

    private static HttpProblem tooLarge() {
        return new HttpProblem(413, "Request body too large (limit " + MAX_BODY + " bytes)");
    }

    /**
     * The request body as a JSON object holding only {@code keys}: a 400 naming the problem when it is not JSON, not
     * an object, or has a key Formhaus does not know (each named with its path: {@code params.pasword: unknown key
     * 'pasword'}).
     */
    public static JsonObject objectBody(HttpServletRequest request, KnownKeys keys) throws IOException {
        JsonElement body = body(request);
        if (!body.isJsonObject()) {
            throw HttpProblem.badRequest("Request body must be a JSON object");
        }
        return keys.check(body.getAsJsonObject(), "");
    }

    /**
     * For endpoints that take no parameters: nothing, or an empty JSON object, is accepted; anything else is refused
     * with 400 (a key is named as unknown), so that a parameter a caller believes in is never silently ignored.
     */
    public static void noBody(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() == 0) {
            return;
        }
        StringBuilder text = new StringBuilder();
        try (Reader reader = request.getReader()) {
            char[] buffer = new char[4096];
            for (int n; (n = reader.read(buffer)) >= 0; ) {
                text.append(buffer, 0, n);
                if (text.length() > MAX_BODY) {
                    throw new HttpProblem(413, "Request body too large (limit " + MAX_BODY + " bytes)");
                }
            }
        }
        if (text.toString().isBlank()) {
            return;
        }
        JsonElement parsed;
        try {
            parsed = JsonParser.parseString(text.toString());
        } catch (JsonParseException e) {
            parsed = null;
        }
        if (parsed == null || !parsed.isJsonObject()) {
            throw HttpProblem.badRequest("This request takes no body (or an empty JSON object)");
        }
        KnownKeys.NONE.check(parsed.getAsJsonObject(), "");
    }

    public static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("application/json");
    }
}
