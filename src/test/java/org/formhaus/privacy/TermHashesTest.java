package org.formhaus.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TermHashesTest {

    private final TermHashes hashes = new TermHashes("test-key");

    @Test
    void anAddressIsFoundWhateverItsCaseAndSurroundingSpaces() {
        assertEquals(hashes.email("max@example.org"), hashes.email("  Max@Example.ORG "));
        assertEquals(64, hashes.email("max@example.org").length());
        assertNull(hashes.email("  "));
    }

    @Test
    void aNameIsFoundByEachOfItsWholeWords() {
        assertEquals(hashes.words("müller").iterator().next(), hashes.words("MÜLLER").iterator().next());
        assertEquals(3, hashes.words("Anna-Lena Müller").size(), "anna, lena, müller");
        assertTrue(hashes.words("Anna Müller").containsAll(hashes.query("müller anna")));
    }

    @Test
    void addressesAndWordsAndKeysNeverShareAHash() {
        assertNotEquals(hashes.email("a@b.de"), hashes.words("a@b.de").iterator().next());
        assertNotEquals(hashes.email("a@b.de"), new TermHashes("other-key").email("a@b.de"));
        assertEquals(List.of(hashes.email("a@b.de")), hashes.query("A@B.de"));
    }

    @Test
    void aTagIsTheStartOfTheAddresssHash() {
        assertEquals(hashes.email("a@b.de").substring(0, 8), hashes.tag(" A@B.DE"));
    }
}
