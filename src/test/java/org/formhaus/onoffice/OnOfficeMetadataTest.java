package org.formhaus.onoffice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.formhaus.simulator.SimulatorFixture;
import org.junit.jupiter.api.Test;

class OnOfficeMetadataTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-24T10:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void loadsFieldsInBothLanguagesAndUsersFromTheSimulatorInOneRequest() throws Exception {
        try (SimulatorFixture fixture = SimulatorFixture.start()) {
            AccountMetadata m = new OnOfficeMetadata().get("acc", fixture.client());

            assertEquals(1, fixture.simulator().requestCount());
            FieldInfo anrede = m.field("address", "Anrede").orElseThrow();
            assertEquals("singleselect", anrede.type());
            assertEquals("Anrede", anrede.labelDe());
            assertEquals("Title", anrede.labelEn());
            assertEquals("Mrs.", anrede.permittedValues().get("Frau").labelEn());
            assertTrue(m.field("estate", "kaufpreis").isPresent());
            assertTrue(m.field("searchcriteria", "kaufpreis").isPresent());
            assertEquals("float", m.field("searchcriteria", "kaufpreis").get().type());
            assertEquals("mmakler", m.userByName("mmakler").orElseThrow().username());
            assertNull(m.usersProblem());
        }
    }

    @Test
    void fieldsStillLoadWhenTheUserListIsForbidden() throws Exception {
        try (SimulatorFixture fixture = SimulatorFixture.start()) {
            fixture.simulator().setRights(Map.of("Read user data via API", false));

            AccountMetadata m = new OnOfficeMetadata().get("acc", fixture.client());

            assertTrue(m.users().isEmpty());
            assertNotNull(m.usersProblem());
            assertTrue(m.field("address", "Email").isPresent());
        }
    }

    @Test
    void readsTheRecordedFieldCatalogueSample() throws Exception {
        ActionResult fields = ResponseParserTest.parsed("ApiResponseGetFields");
        ActionResult users = ResponseParserTest.parsed("ApiResponseListSupervisors");
        ActionResult sc = ResponseParserTest.parsed("ApiResponseGetSearchcriteriaFieldsENG");
        OnOfficeClient recorded = actions -> java.util.List.of(fields, fields, sc, sc, users);

        AccountMetadata m = OnOfficeMetadata.load(recorded, Instant.now());

        assertEquals("Customer", m.field("address", "Beziehung").orElseThrow()
                .permittedValues().get("indMulti659Select204").labelEn());
        assertEquals("varchar", m.field("searchcriteria", "plz").orElseThrow().type());
        assertEquals(4, m.users().size());
    }

    @Test
    void cachesPerAccountUntilTheEntryExpiresOrIsRefreshed() throws Exception {
        ActionResult fields = ResponseParserTest.parsed("ApiResponseGetFields");
        ActionResult users = ResponseParserTest.parsed("ApiResponseListSupervisors");
        AtomicInteger loads = new AtomicInteger();
        OnOfficeClient client = actions -> {
            loads.incrementAndGet();
            return java.util.List.of(fields, fields, fields, fields, users);
        };
        ManualClock clock = new ManualClock();
        OnOfficeMetadata cache = new OnOfficeMetadata(Duration.ofMinutes(15), clock);

        AccountMetadata first = cache.get("a", client);
        assertSame(first, cache.get("a", client));
        cache.get("b", client);
        assertEquals(2, loads.get());

        clock.now = clock.now.plus(Duration.ofMinutes(16));
        cache.get("a", client);
        assertEquals(3, loads.get());

        cache.refresh("a", client);
        assertEquals(4, loads.get());
    }
}
