package org.formhaus.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.formhaus.testing.H2Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Daily counters on H2 in MariaDB mode: atomic increments from several counters, the cap on source values. */
class FormDayCountersTest {

    @RegisterExtension
    static final H2Database h2 = new H2Database();

    private static final Clock NOON = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate DAY = LocalDate.parse("2026-11-30");

    private static Map<String, Long> read(FormDayCounters counters, String form) throws Exception {
        return counters.read(form, DAY, DAY).stream()
                .collect(Collectors.toMap(r -> r.metric() + "|" + r.dimension(), FormDayCounters.Row::hits));
    }

    @Test
    void twoCountersOnOneDatabaseAddUpWhateverTheirFlushesInterleave() throws Exception {
        FormDayCounters a = new FormDayCounters(h2.db(), NOON);
        FormDayCounters b = new FormDayCounters(h2.db(), NOON);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
            FormDayCounters counters = i % 2 == 0 ? a : b;
            pool.submit(() -> {
                for (int n = 0; n < 500; n++) {
                    counters.add("sum", "view", "");
                    if (n % 50 == 0) {
                        counters.flush();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        a.flush();
        b.flush();

        assertEquals(Map.of("view|", 2000L), read(a, "sum"));
    }

    @Test
    void sourceValuesBeyondTheCapOfADayAreCountedAsOther() throws Exception {
        FormDayCounters counters = new FormDayCounters(h2.db(), NOON);
        for (int i = 0; i < 120; i++) {
            counters.add("capped", "view", "utm_source=bot-" + i);
            if (i % 7 == 0) {
                counters.flush();
            }
        }
        counters.add("capped", "view", "page=https://example.org/");

        Map<String, Long> rows = read(counters, "capped");
        long sources = rows.keySet().stream().filter(k -> k.startsWith("view|utm_source=")).count();
        assertEquals(FormDayCounters.VALUES_PER_KIND, sources);
        assertEquals(120, rows.entrySet().stream().filter(e -> e.getKey().startsWith("view|utm_source="))
                .mapToLong(Map.Entry::getValue).sum());
        assertTrue(rows.get("view|utm_source=(other)") >= 120 - FormDayCounters.VALUES_PER_KIND);
        assertEquals(1L, rows.get("view|page=https://example.org/"), "another kind has its own cap");
    }

    @Test
    void countsWaitInMemoryUntilTheyAreFlushed() throws Exception {
        FormDayCounters counters = new FormDayCounters(h2.db(), NOON);
        counters.add("waiting", "start", "");
        FormDayCounters other = new FormDayCounters(h2.db(), NOON);
        assertEquals(List.of(), other.read("waiting", DAY, DAY));

        counters.close();
        assertEquals(Map.of("start|", 1L), read(other, "waiting"));
    }
}
