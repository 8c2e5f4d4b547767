package org.formhaus.protection;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AddressRangeTest {

    static AddressRange range(String text) {
        return AddressRange.parse(text).orElseThrow(() -> new AssertionError("not parsed: " + text));
    }

    @Test
    void anIpv4RangeHoldsItsAddressesOnly() {
        AddressRange r = range("203.0.113.0/24");
        assertTrue(r.contains("203.0.113.0"));
        assertTrue(r.contains("203.0.113.255"));
        assertFalse(r.contains("203.0.114.1"));
        assertFalse(r.contains("2001:db8::1"), "another family never matches");
    }

    @Test
    void aSingleAddressMatchesOnlyItself() {
        assertTrue(range("198.51.100.7").contains("198.51.100.7"));
        assertFalse(range("198.51.100.7").contains("198.51.100.8"));
    }

    @Test
    void anIpv6RangeMatchesWhateverWayTheAddressIsWritten() {
        AddressRange r = range("2001:db8::/32");
        assertTrue(r.contains("2001:db8:0:0:0:0:0:1"));
        assertTrue(r.contains("[2001:db8::abcd]"), "as Jetty may report it");
        assertFalse(r.contains("2001:db9::1"));
        assertTrue(range("2001:db8::1/128").contains("2001:0db8::1"));
    }

    @Test
    void anIpv4MappedIpv6AddressCountsAsItsIpv4Address() {
        assertTrue(range("203.0.113.0/24").contains("::ffff:203.0.113.9"));
    }

    @Test
    void oddPrefixLengthsCompareBitByBit() {
        AddressRange r = range("10.0.0.0/9");
        assertTrue(r.contains("10.127.255.255"));
        assertFalse(r.contains("10.128.0.0"));
        assertTrue(range("0.0.0.0/0").contains("192.0.2.1"));
    }

    @Test
    void hostNamesAndMalformedRangesAreRefusedWithoutAnyLookup() {
        for (String bad : new String[] {"example.org", "localhost", "203.0.113.0/33", "2001:db8::/129", "256.1.1.1",
                "203.0.113.0/", "1.2.3", "", "::g", "10.0.0.0/-1"}) {
            assertTrue(AddressRange.parse(bad).isEmpty(), bad);
        }
    }
}
