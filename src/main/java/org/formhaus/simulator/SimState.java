package org.formhaus.simulator;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.formhaus.onoffice.ApiRight;

/** The simulated onOffice account's data. Not thread-safe: {@link Simulator} guards it with its lock. */
final class SimState {

    final Map<String, TreeMap<Long, JsonObject>> records = new HashMap<>();
    final Map<String, Long> nextIds = new HashMap<>();
    final EnumSet<ApiRight> rights = EnumSet.noneOf(ApiRight.class);
    final Set<String> assignedMailboxes = new LinkedHashSet<>();
    final List<JsonObject> users = new ArrayList<>();
    final List<JsonObject> mails = new ArrayList<>();
    /**
     * Whether the API user is a marketplace API user (after a successful unlockProvider, or switched on): then every
     * action needs an {@code extendedclaim} out of {@link #validClaims}.
     */
    boolean marketplace;
    final Set<String> validClaims = new LinkedHashSet<>();
    /** Files sent with uploadfile's first step, by temporary upload id, until the second step attaches them. */
    final Map<String, TmpUpload> tmpUploads = new HashMap<>();
    long nextTmpUpload = 1;

    /** The bytes of a first-step upload and when they arrived (simulator clock), for its expiry. */
    record TmpUpload(byte[] data, long receivedMs) {
    }

    SimState() {
        for (ApiRight r : ApiRight.values()) {
            if (!r.restriction()) rights.add(r);
        }
        nextIds.putAll(Map.of("address", 100L, "estate", 10L, "searchcriteria", 60L, "relation", 1L,
                "agentslog", 6000L, "task", 7000L, "calendar", 900L, "project", 1L, "file", 500L));
    }

    TreeMap<Long, JsonObject> table(String type) {
        return records.computeIfAbsent(type, k -> new TreeMap<>());
    }

    long insert(String type, JsonObject elements) {
        long id = nextIds.merge(type, 1L, Long::sum) - 1;
        table(type).put(id, elements);
        return id;
    }

    boolean has(ApiRight right) {
        return rights.contains(right);
    }
}
