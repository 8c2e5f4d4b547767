package org.formhaus.forms;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 15: a thank-you URL can neither run script nor lead to another site unseen. */
class ThankYouUrlTest {

    @Test
    void anAbsoluteHttpAddressOrASameSitePathIsAllowed() {
        for (String url : List.of("https://agentur.example/danke?x=1#top", "HTTP://agentur.example", "/danke",
                "/f/kontakt/thanks", "https://[2001:db8::1]:8443/ok")) {
            assertNull(ThankYouUrl.problem(url), url);
            assertTrue(ThankYouUrl.allowed(url), url);
        }
        assertNull(ThankYouUrl.problem(null), "none: the built-in page");
        assertFalse(ThankYouUrl.allowed(""), "the built-in page, not a redirect to nothing");
    }

    @Test
    void anythingElseIsRefusedWithAReason() {
        for (String url : List.of("javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "//evil.example",
                "/\\evil.example", "\\\\evil.example", "https:evil.example", "https://", "mailto:a@b.example",
                "https://u:p@agentur.example/", " https://agentur.example", "https://agentur.example/\nx",
                "danke.html", "https://agentur.example/" + "x".repeat(2000))) {
            assertFalse(ThankYouUrl.allowed(url), url);
            assertTrue(ThankYouUrl.problem(url).length() > 10, url);
        }
    }
}
