package org.formhaus.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a source keeps of what a client sends: nothing personal, nothing unbounded. */
class SourceTest {

    private static Source of(Map<String, String> params) {
        return Source.of(params::get);
    }

    @Test
    void thePageKeepsSchemeHostAndPathOnly() {
        Source s = of(Map.of("fh_page", "https://WWW.Agentur.example:8443/haus/1?email=anna@example.org#kontakt"));
        assertEquals("https://www.agentur.example:8443/haus/1", s.page());
        assertEquals("https://www.agentur.example/", of(Map.of("fh_page", "https://www.agentur.example")).page());
    }

    @Test
    void noPageIsDirectAndAnythingButAnHttpUrlIsNone() {
        assertEquals(Source.DIRECT, of(Map.of()).page());
        assertEquals(Source.NONE, of(Map.of("fh_page", "javascript:alert(1)")).page());
        assertEquals(Source.NONE, of(Map.of("fh_page", "not a url at all")).page());
    }

    @Test
    void utmValuesLoseControlCharactersAndAreCut() {
        Source s = of(Map.of("utm_source", " news\u0000letter\n ", "utm_medium", "", "utm_campaign", "ä".repeat(300)));
        assertEquals("newsletter", s.utmSource());
        assertEquals(Source.NONE, s.utmMedium());
        assertEquals(Source.MAX_VALUE, s.utmCampaign().length());
        assertEquals(List.of("page=(direct)", "utm_source=newsletter", "utm_medium=(none)",
                "utm_campaign=" + "ä".repeat(100)), s.dimensions());
    }
}
