package org.formhaus.forms;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * What an uploaded file is, told by its bytes (Apache Tika's magic-number detection, tika-core), and whether that is
 * a type a file field allows ({@code accept}: extensions like {@code pdf} or media types like {@code image/*}). The
 * name and the type a browser declares never decide: an HTML page named {@code cv.pdf} is {@code text/html}. The name
 * may only make a detected type more specific where the bytes alone cannot (a {@code .docx} is an OOXML zip, a
 * {@code .csv} is plain text), never replace it.
 * <p>
 * Content a browser would run (HTML, XHTML, SVG, JavaScript) is allowed only when the field lists that very type or
 * extension: never through a wildcard ({@code image/*} does not admit SVG) nor through a broader type ({@code txt}
 * does not admit HTML).
 * <p>
 * Stateless and thread-safe; Tika's type database loads once, on first use (about a second).
 */
public final class FileTypes {

    /** Types that carry script when a browser opens them; see the class comment. */
    private static final Set<MediaType> ACTIVE = Set.of(MediaType.text("html"), MediaType.application("xhtml+xml"),
            MediaType.image("svg+xml"), MediaType.text("javascript"), MediaType.application("javascript"),
            MediaType.application("x-javascript"), MediaType.application("ecmascript"));

    private FileTypes() {
    }

    /** Loaded on first use: parsing Tika's type database takes a while and most requests carry no file. */
    private static final class Tika {
        static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes();
        static final MediaTypeRegistry REGISTRY = TYPES.getMediaTypeRegistry();
    }

    /**
     * The media type of {@code content} (e.g. {@code application/pdf}), from its bytes; {@code fileName} only narrows
     * it down to a subtype (see the class comment). Unknown binary content is {@code application/octet-stream}.
     */
    public static String detect(byte[] content, String fileName) {
        MediaType byBytes;
        try {
            byBytes = Tika.TYPES.detect(new ByteArrayInputStream(content), new Metadata());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen on a byte array
        }
        if (!byBytes.equals(MediaType.OCTET_STREAM) && fileName != null) {
            MediaType byName = Tika.TYPES.getMimeType(fileName.toLowerCase(Locale.ROOT)).getType();
            if (Tika.REGISTRY.isSpecializationOf(byName, byBytes) && !ACTIVE.contains(byName)) {
                return byName.toString();
            }
        }
        return byBytes.toString();
    }

    /**
     * Whether a file of the detected {@code type} passes a field's {@code accept} list (extensions without the dot,
     * media types, {@code type/*}); an empty list accepts everything.
     */
    public static boolean accepted(List<String> accept, String type) {
        if (accept.isEmpty()) {
            return true;
        }
        MediaType detected = type == null ? MediaType.OCTET_STREAM : MediaType.parse(type);
        if (detected == null) {
            return false;
        }
        detected = Tika.REGISTRY.normalize(detected.getBaseType());
        for (String entry : accept) {
            if (matches(entry.toLowerCase(Locale.ROOT), detected)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String entry, MediaType detected) {
        if (entry.endsWith("/*")) {
            return detected.getType().equals(entry.substring(0, entry.length() - 2)) && !ACTIVE.contains(detected)
                    && !detected.equals(MediaType.OCTET_STREAM);
        }
        MediaType allowed = entry.contains("/") ? MediaType.parse(entry)
                : Tika.TYPES.getMimeType("file." + entry).getType();
        if (allowed == null || allowed.equals(MediaType.OCTET_STREAM) && !entry.contains("/")) {
            return false; // an extension Tika does not know names no type
        }
        allowed = Tika.REGISTRY.normalize(allowed);
        if (detected.equals(allowed)) {
            return true;
        }
        return Tika.REGISTRY.isSpecializationOf(detected, allowed) && !ACTIVE.contains(detected);
    }
}
