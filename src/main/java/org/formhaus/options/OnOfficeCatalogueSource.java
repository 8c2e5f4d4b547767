package org.formhaus.options;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.formhaus.onoffice.AccountMetadata;
import org.formhaus.onoffice.FieldInfo;
import org.formhaus.onoffice.OnOfficeClient;
import org.formhaus.onoffice.OnOfficeCredentials;
import org.formhaus.onoffice.OnOfficeMetadata;
import org.formhaus.onoffice.OnOfficeUser;
import org.formhaus.storage.Account;
import org.formhaus.storage.AccountStore;

/**
 * Reads an account's catalogue from its onOffice field catalogue and user list ({@link OnOfficeMetadata}, one batched
 * request). Thread-safe; one per application.
 */
public final class OnOfficeCatalogueSource implements CatalogueSource {

    private final AccountStore accounts;
    private final Function<OnOfficeCredentials, OnOfficeClient> clients;
    private final OnOfficeMetadata metadata;

    /** @param metadata shared with the mapping check: saving a form and filling its options ask onOffice once */
    public OnOfficeCatalogueSource(AccountStore accounts, Function<OnOfficeCredentials, OnOfficeClient> clients,
                                   OnOfficeMetadata metadata) {
        this.accounts = accounts;
        this.clients = clients;
        this.metadata = metadata;
    }

    @Override
    public Optional<OptionsCatalogue> load(long accountId, boolean fresh) throws Exception {
        Optional<Account> account = accounts.find(accountId);
        if (account.isEmpty() || !account.get().onOffice().complete()) {
            return Optional.empty();
        }
        OnOfficeClient client = clients.apply(account.get().onOffice());
        String key = "account-" + accountId;
        return Optional.of(catalogue(fresh ? metadata.refresh(key, client) : metadata.get(key, client)));
    }

    static OptionsCatalogue catalogue(AccountMetadata meta) {
        Map<String, List<OptionsCatalogue.Choice>> fields = new LinkedHashMap<>();
        meta.modules().forEach((module, byName) -> byName.values().stream()
                .filter(f -> !f.permittedValues().isEmpty())
                .forEach(f -> fields.put(OptionsCatalogue.fieldKey(module, f.name()), choices(f))));
        List<OptionsCatalogue.Choice> users = new ArrayList<>();
        Map<String, String> userIds = new LinkedHashMap<>();
        for (OnOfficeUser u : meta.users()) {
            if (u.username() != null && !u.username().isBlank()) {
                users.add(new OptionsCatalogue.Choice(u.username(), u.displayName(), u.displayName()));
                if (u.id() != null && !u.id().isBlank()) {
                    userIds.put(u.username(), u.id());
                }
            }
        }
        return new OptionsCatalogue(fields, users, userIds);
    }

    private static List<OptionsCatalogue.Choice> choices(FieldInfo field) {
        List<OptionsCatalogue.Choice> out = new ArrayList<>();
        field.permittedValues().values().forEach(v -> out.add(new OptionsCatalogue.Choice(v.key(), v.labelDe(),
                v.labelEn())));
        return out;
    }
}
