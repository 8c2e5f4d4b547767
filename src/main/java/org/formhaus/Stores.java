package org.formhaus;

import java.time.Duration;
import org.formhaus.storage.AccountStore;
import org.formhaus.storage.AdminUserStore;
import org.formhaus.storage.Database;
import org.formhaus.storage.DeliveryJobStore;
import org.formhaus.storage.FormDayCounters;
import org.formhaus.storage.FormStore;
import org.formhaus.storage.InstanceSettings;
import org.formhaus.storage.MarketplaceStore;
import org.formhaus.storage.ProvisioningKeyStore;
import org.formhaus.storage.SecurityEventStore;
import org.formhaus.storage.SpamCounts;
import org.formhaus.storage.SubmissionCounts;
import org.formhaus.storage.SubmissionFileStore;
import org.formhaus.storage.SubmissionStore;
import org.formhaus.storage.WebhookStore;

/** Every store on one database, built once by {@link FormhausApp}; thread-safe as each store is. */
record Stores(AccountStore accounts, AdminUserStore users, FormStore forms, SubmissionStore submissions,
              SubmissionFileStore files, DeliveryJobStore jobs, InstanceSettings instance, SpamCounts spamCounts,
              SubmissionCounts submissionCounts, MarketplaceStore marketplace, ProvisioningKeyStore provisioningKeys,
              SecurityEventStore securityEvents, WebhookStore webhooks,
              FormDayCounters dayCounters) {

    /** Form definitions are cached this long; an admin's save is seen by other instances after at most this. */
    private static final Duration FORM_CACHE = Duration.ofSeconds(5);

    static Stores on(Database db) {
        FormDayCounters dayCounters = new FormDayCounters(db, java.time.Clock.systemUTC());
        return new Stores(new AccountStore(db), new AdminUserStore(db), new FormStore(db, FORM_CACHE),
                new SubmissionStore(db), new SubmissionFileStore(db), new DeliveryJobStore(db),
                new InstanceSettings(db), new SpamCounts(db, dayCounters), new SubmissionCounts(db), new MarketplaceStore(db),
                new ProvisioningKeyStore(db), new SecurityEventStore(db), new WebhookStore(db),
                dayCounters);
    }
}
