package org.formhaus.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.formhaus.forms.FileTypes;
import org.formhaus.http.HttpProblem;
import org.formhaus.http.UrlEncoded;
import org.formhaus.intake.Upload;

/**
 * Reads a submission (urlencoded or multipart) with a size limit on everything: the whole body, the number of
 * fields, each text value, each file. Anything over a limit is a 413; nothing is read unbounded. Thread-safe.
 */
final class SubmissionReader {

    static final int MAX_FIELDS = 300;
    /** Longest text value read at all; the validator applies the per-type limits below it. */
    static final int MAX_VALUE_BYTES = 100_000;
    private static final long DRAIN_BYTES = 4L * 1024 * 1024;

    private final long maxBodyBytes;
    private final long maxFileBytes;

    SubmissionReader(long maxBodyBytes, long maxFileBytes) {
        this.maxBodyBytes = maxBodyBytes;
        this.maxFileBytes = maxFileBytes;
    }

    long maxFileBytes() {
        return maxFileBytes;
    }

    SubmissionInput read(HttpServletRequest request) throws IOException {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/form-data")) {
            return multipart(request);
        }
        if (request.getContentLengthLong() > maxBodyBytes) {
            drain(request.getInputStream());
            throw tooLarge();
        }
        byte[] body;
        try {
            body = readLimited(request.getInputStream(), maxBodyBytes);
        } catch (HttpProblem p) {
            drain(request.getInputStream());
            throw p;
        }
        return new SubmissionInput(UrlEncoded.parse(new String(body, StandardCharsets.UTF_8), MAX_FIELDS), Map.of());
    }

    private SubmissionInput multipart(HttpServletRequest request) throws IOException {
        Map<String, List<String>> params = new LinkedHashMap<>();
        Map<String, Upload> files = new LinkedHashMap<>();
        String tooLarge = null;
        try {
            var parts = request.getParts();
            if (parts.size() > MAX_FIELDS) {
                throw new HttpProblem(413, "Too many fields (limit " + MAX_FIELDS + ")");
            }
            for (Part part : parts) {
                if (part.getSubmittedFileName() != null) {
                    if (part.getSize() > maxFileBytes) {
                        tooLarge = tooLarge == null ? part.getName() : tooLarge; // read on: the text values
                    } else if (part.getSize() > 0 && !files.containsKey(part.getName())) {
                        String name = safeName(part.getSubmittedFileName());
                        byte[] content = readLimited(part.getInputStream(), maxFileBytes);
                        // The type the bytes tell, never the one the browser declared.
                        files.put(part.getName(), new Upload(name, FileTypes.detect(content, name), content));
                    }
                } else {
                    if (part.getSize() > MAX_VALUE_BYTES) {
                        throw tooLarge();
                    }
                    params.computeIfAbsent(part.getName(), k -> new ArrayList<>()).add(
                            new String(readLimited(part.getInputStream(), MAX_VALUE_BYTES), StandardCharsets.UTF_8));
                }
            }
        } catch (IllegalStateException e) {
            // The container's multipart limits (upload.max.*) were exceeded.
            throw tooLarge();
        } catch (ServletException e) {
            // Jetty reports its multipart limits (upload.max.request.bytes) as an IllegalStateException within.
            throw overLimit(e) ? tooLarge() : HttpProblem.badRequest("Malformed multipart body");
        }
        if (tooLarge != null) {
            throw new FileTooLarge(tooLarge, maxFileBytes, new SubmissionInput(params, Map.of()));
        }
        return new SubmissionInput(params, files);
    }

    /** The file name without any path a browser might send, and no control characters; at most 255 characters. */
    static String safeName(String submitted) {
        String name = submitted.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty()) {
            name = "upload";
        }
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }

    private static byte[] readLimited(InputStream in, long limit) throws IOException {
        byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (data.length > limit) {
            throw tooLarge();
        }
        return data;
    }

    /**
     * Reads and discards what is left of a refused body, up to {@link #DRAIN_BYTES}: a client still sending when
     * the connection closes would lose the 413 reply. Beyond that the connection is simply closed.
     */
    private static void drain(InputStream in) throws IOException {
        long skipped = 0;
        byte[] buffer = new byte[8192];
        int n;
        while (skipped < DRAIN_BYTES && (n = in.read(buffer)) > 0) {
            skipped += n;
        }
    }

    private static boolean overLimit(ServletException e) {
        int depth = 0;
        for (Throwable t = e.getCause(); t != null && depth++ < 10; t = t.getCause()) {
            if (t instanceof IllegalStateException) {
                return true;
            }
        }
        return false;
    }

    private static HttpProblem tooLarge() {
        return new HttpProblem(413, "Submission too large");
    }
}
