package org.formhaus.connection;

import java.util.List;

/**
 * Records known to exist in the account's onOffice, typically those Formhaus's own deliveries created. onOffice
 * answers a READ without its right with 200 and no records (apidoc:/erste-schritte/), which looks exactly like an
 * account that has no such records; reading records known to exist tells the two apart. Each list holds record ids as
 * onOffice numbers them, newest first; {@link #NONE} when nothing is known (the check then reports the read rights it
 * cannot tell as unverified). Immutable.
 *
 * @param addresses          address ids
 * @param estates            estate ids
 * @param agentsLogAddresses ids of addresses that have an agent's-log entry Formhaus wrote
 * @param tasks              task ids
 * @param appointments       appointment (calendar) ids
 * @param searchCriteria     search-criterion ids
 */
public record KnownRecords(List<String> addresses, List<String> estates, List<String> agentsLogAddresses,
                           List<String> tasks, List<String> appointments, List<String> searchCriteria) {

    /** At most this many ids of each kind are read: a few suffice, and the probe stays one cheap read. */
    static final int MAX_IDS = 5;

    public static final KnownRecords NONE = new KnownRecords(List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of());

    public KnownRecords {
        addresses = ids(addresses);
        estates = ids(estates);
        agentsLogAddresses = ids(agentsLogAddresses);
        tasks = ids(tasks);
        appointments = ids(appointments);
        searchCriteria = ids(searchCriteria);
    }

    /** Only onOffice record numbers, without repeats, at most {@link #MAX_IDS}. */
    private static List<String> ids(List<String> ids) {
        return ids == null ? List.of() : ids.stream().filter(id -> id != null && id.matches("\\d{1,18}"))
                .distinct().limit(MAX_IDS).toList();
    }
}
