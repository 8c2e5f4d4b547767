package org.formhaus.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Issue 15: an upload's type comes from its bytes; its name may narrow it, never replace it. */
class FileTypesTest {

    static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] zipWith(String firstEntry) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(firstEntry));
            zip.write(text("<Types/>"));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    @Test
    void theBytesDecideNotTheName() {
        assertEquals("text/html", FileTypes.detect(text("<!DOCTYPE html><p>hi"), "lebenslauf.pdf"));
        assertEquals("application/pdf", FileTypes.detect(text("%PDF-1.7\n"), "scan"));
        assertEquals("application/octet-stream", FileTypes.detect(new byte[16], "grundriss.pdf"));
    }

    @Test
    void theNameNarrowsWhatTheBytesCannotTell() throws Exception {
        assertEquals("text/csv", FileTypes.detect(text("a;b\n1;2\n"), "liste.csv"));
        assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                FileTypes.detect(zipWith("[Content_Types].xml"), "brief.docx"));
        assertEquals("text/plain", FileTypes.detect(text("Hallo Welt"), "seite.html"), "never narrowed to active content");
    }

    @Test
    void extensionsAndTypesMatchTheDetectedType() {
        assertTrue(FileTypes.accepted(List.of("pdf"), "application/pdf"));
        assertTrue(FileTypes.accepted(List.of("application/pdf"), "application/pdf"));
        assertTrue(FileTypes.accepted(List.of("image/*"), "image/jpeg"));
        assertTrue(FileTypes.accepted(List.of("txt"), "text/csv"), "a more specific type of an allowed one");
        assertTrue(FileTypes.accepted(List.of(), "text/html"), "no list: anything");
        assertFalse(FileTypes.accepted(List.of("pdf", "image/*"), "text/html"));
        assertFalse(FileTypes.accepted(List.of("pdf"), "application/octet-stream"));
    }

    @Test
    void contentABrowserWouldRunPassesOnlyWhenListedItself() {
        assertFalse(FileTypes.accepted(List.of("image/*"), "image/svg+xml"));
        assertFalse(FileTypes.accepted(List.of("txt"), "text/html"));
        assertTrue(FileTypes.accepted(List.of("svg"), "image/svg+xml"));
        assertTrue(FileTypes.accepted(List.of("text/html"), "text/html"));
    }
}
