package org.formhaus.onoffice;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A snapshot of one onOffice account's field catalogue (per module: field name → {@link FieldInfo}) and user list,
 * as loaded by {@link OnOfficeMetadata}. Immutable. {@code usersProblem} is null when the users loaded, otherwise
 * onOffice's reason (typically the missing right "Read user data via API"); the fields are usable either way.
 * Modules are keyed as onOffice names them (address, estate, agentsLog, task, calendar) plus {@code searchcriteria}
 * (from GET searchCriteriaFields).
 */
public record AccountMetadata(Map<String, Map<String, FieldInfo>> modules, List<OnOfficeUser> users,
                              String usersProblem, Instant loadedAt) {

    public AccountMetadata {
        modules = Map.copyOf(modules);
        users = List.copyOf(users);
    }

    public Optional<FieldInfo> field(String module, String name) {
        return Optional.ofNullable(modules.getOrDefault(module, Map.of()).get(name));
    }

    public Map<String, FieldInfo> fields(String module) {
        return modules.getOrDefault(module, Map.of());
    }

    public Optional<OnOfficeUser> userByName(String username) {
        return users.stream().filter(u -> u.username() != null && u.username().equalsIgnoreCase(username)).findFirst();
    }
}
