package org.formhaus.mapping;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.formhaus.onoffice.AccountMetadata;
import org.formhaus.onoffice.FieldInfo;

/**
 * The last field catalogue seen per account (remembered when a form is checked at save time), so that delivery
 * converts values by onOffice's real field types without spending a round-trip on GET fields. When an account's
 * catalogue is not known (e.g. after a restart) conversion falls back to the form field's type. Thread-safe; one
 * per application.
 */
public final class KnownFields {

    private final Map<Long, AccountMetadata> byAccount = new ConcurrentHashMap<>();

    void remember(long accountId, AccountMetadata metadata) {
        byAccount.put(accountId, metadata);
    }

    /** The catalogue entry of a {@code maps} module ({@code agentslog} included) and field, when known. */
    Optional<FieldInfo> field(long accountId, String module, String name) {
        AccountMetadata m = byAccount.get(accountId);
        return m == null ? Optional.empty() : m.field(catalogueModule(module), name);
    }

    /** The module name onOffice's catalogue uses for a {@code maps} module. */
    static String catalogueModule(String module) {
        return module.equals("agentslog") ? "agentsLog" : module;
    }
}
