package org.formhaus;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletContext;
import java.io.PrintStream;
import java.net.URI;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.formhaus.admin.AccessGuard;
import org.formhaus.admin.AccountsApiServlet;
import org.formhaus.admin.CopiesApiServlet;
import org.formhaus.admin.FormCopy;
import org.formhaus.admin.EditLinksApiServlet;
import org.formhaus.admin.FormGroupsApiServlet;
import org.formhaus.storage.FormGroupStore;
import org.formhaus.admin.ui.TeamPagesServlet;
import org.formhaus.admin.AccountConnection;
import org.formhaus.admin.AdminAuthFilter;
import org.formhaus.admin.AdminSession;
import org.formhaus.admin.DataSubjectRequestsApiServlet;
import org.formhaus.admin.FailedRetries;
import org.formhaus.admin.SubmissionExport;
import org.formhaus.admin.SubmissionsCsvApiServlet;
import org.formhaus.admin.ConnectionApiServlet;
import org.formhaus.admin.FirstStart;
import org.formhaus.admin.FormSaveCheck;
import org.formhaus.admin.FormsApiServlet;
import org.formhaus.storage.FormDrafts;
import org.formhaus.admin.LoginThrottle;
import org.formhaus.admin.PasswordChange;
import org.formhaus.admin.PasswordCheck;
import org.formhaus.admin.ProvisioningKeys;
import org.formhaus.admin.ProvisioningKeysApiServlet;
import org.formhaus.admin.ProvisioningServlet;
import org.formhaus.admin.SettingsApiServlet;
import org.formhaus.admin.SubmissionsApiServlet;
import org.formhaus.admin.Team;
import org.formhaus.admin.TeamApiServlet;
import org.formhaus.admin.ui.JoinPageServlet;
import org.formhaus.storage.InvitationStore;
import org.formhaus.admin.TokensApiServlet;
import org.formhaus.admin.UserApiServlet;
import org.formhaus.admin.WebhookSettingsApiServlet;
import org.formhaus.admin.ui.AdminPagesServlet;
import org.formhaus.admin.ui.BuilderServlet;
import org.formhaus.admin.FieldCatalogueApiServlet;
import org.formhaus.web.FormPreview;
import org.formhaus.admin.ui.DataSubjectPagesServlet;
import org.formhaus.admin.ui.SubmissionPagesServlet;
import org.formhaus.admin.ui.LoginServlet;
import org.formhaus.admin.ui.SecurityPagesServlet;
import org.formhaus.audit.SecurityLog;
import org.formhaus.config.AdminConfig;
import org.formhaus.config.AppConfig;
import org.formhaus.config.ConfigException;
import org.formhaus.config.DatabaseConfig;
import org.formhaus.config.FormsConfig;
import org.formhaus.config.MarketplaceConfig;
import org.formhaus.delivery.ClientFactory;
import org.formhaus.editing.EditLinks;
import org.formhaus.editing.RecordLoader;
import org.formhaus.storage.EditLinkStore;
import org.formhaus.delivery.DeliveryOutcomes;
import org.formhaus.delivery.RetryPolicy;
import org.formhaus.delivery.DeliverySettings;
import org.formhaus.delivery.DeliveryWorker;
import org.formhaus.delivery.SubmissionDelivery;
import org.formhaus.forms.ThankYouUrl;
import org.formhaus.http.ErrorReplyFilter;
import org.formhaus.http.ResponseHardening;
import org.formhaus.intake.FormIntake;
import org.formhaus.logs.RequestIdFilter;
import org.formhaus.logs.ServerLog;
import org.formhaus.mail.AgentEmails;
import org.formhaus.mail.FormMailPlanner;
import org.formhaus.mail.MailTemplateCheck;
import org.formhaus.mapping.KnownFields;
import org.formhaus.mapping.LiveRuleCheck;
import org.formhaus.mapping.MappingCheck;
import org.formhaus.mapping.SubmissionMapper;
import org.formhaus.metrics.FormhausMetrics;
import org.formhaus.metrics.MetricsServlet;
import org.formhaus.marketplace.Marketplace;
import org.formhaus.marketplace.MarketplaceServlet;
import org.formhaus.newsletter.ConfirmationTokens;
import org.formhaus.newsletter.NewsletterConfirmServlet;
import org.formhaus.onoffice.OnOfficeConnector;
import org.formhaus.viewings.CalendarSlots;
import org.formhaus.viewings.SlotAgent;
import org.formhaus.storage.SlotClaimStore;
import org.formhaus.onoffice.OnOfficeHosts;
import org.formhaus.onoffice.OnOfficeMetadata;
import org.formhaus.onoffice.RetryMode;
import org.formhaus.passwords.PasswordHasher;
import org.formhaus.privacy.DataSubjectRequests;
import org.formhaus.privacy.PrivacyMode;
import org.formhaus.privacy.SubmissionTerms;
import org.formhaus.privacy.TermBackfill;
import org.formhaus.privacy.TermHashes;
import org.formhaus.options.CatalogueStore;
import org.formhaus.options.OnOfficeCatalogueSource;
import org.formhaus.options.OptionsCatalogues;
import org.formhaus.render.Templates;
import org.formhaus.retention.RetentionSweeper;
import org.formhaus.secrets.MasterKeySource;
import org.formhaus.secrets.SecretBox;
import org.formhaus.storage.AccountStore;
import org.formhaus.storage.DataSubjectRequestStore;
import org.formhaus.storage.ConfirmationQuota;
import org.formhaus.storage.RoutingTurns;
import org.formhaus.storage.Database;
import org.formhaus.storage.FormStore;
import org.formhaus.storage.InstanceSettings;
import org.formhaus.storage.MemberStore;
import org.formhaus.storage.SealedColumns;
import org.formhaus.storage.SharedWindows;
import org.formhaus.storage.SlidingWindows;
import org.formhaus.storage.StoredFile;
import org.formhaus.web.BeaconServlet;
import org.formhaus.storage.StoredForm;
import org.formhaus.storage.SubmissionSearch;
import org.formhaus.web.FormServlet;
import org.formhaus.web.FormTrafficFilter;
import org.formhaus.web.SubmissionCounter;
import org.formhaus.statistics.FormStatistics;
import org.formhaus.statistics.FormTraffic;
import org.formhaus.admin.StatisticsApiServlet;
import org.formhaus.admin.ui.StatisticsPageServlet;
import org.formhaus.web.FormProtection;
import org.formhaus.web.HealthServlet;
import org.formhaus.web.StaticServlet;
import org.formhaus.webhooks.WebhookSender;
import org.formhaus.webhooks.WebhookTargets;

/**
 * Formhaus wired together: the only class that knows every package. {@link #start} builds every part from an
 * {@link AppConfig} (already validated) and starts the background work; {@link #mount} puts the {@linkplain #routes()
 * routes table} on any Servlet 6 context (the WAR's or the embedded Jetty's); {@link #close()} stops delivery
 * gracefully and closes the pool. Decisions belong in the parts; this class only connects them.
 */
public final class FormhausApp implements AutoCloseable {

    /** How often each instance adds its statistics counts to the database (and at close). */
    private static final java.time.Duration COUNTER_FLUSH = java.time.Duration.ofSeconds(5);

    /** How long a visitor's submission waits for onOffice's answer to its live-CRM rules before delivery decides. */
    private static final java.time.Duration LIVE_RULE_WAIT = java.time.Duration.ofSeconds(2);

    private final AppConfig config;
    private final Database db;
    private final FormhausMetrics metrics;
    /** The server log's format while this app runs; set by {@link #start}. */
    private ServerLog serverLog = ServerLog.untouched();
    private final Stores stores;
    private final Sandbox sandbox;
    /** Base of links in e-mails: public.url, else the address the server started on ({@link #connectSandbox}). */
    private final AtomicReference<String> publicUrl;
    private final OnOfficeConnector onOffice;
    private final OnOfficeMetadata metadata = new OnOfficeMetadata();
    private final KnownFields knownFields = new KnownFields();
    /** Live-CRM rules checked when a visitor sends (#12): a short onOffice read; delivery decides in the end. */
    private final LiveRuleCheck liveRules;
    private final Templates templates = new Templates();
    private final ConfirmationTokens newsletterTokens;
    /** Edit links (#12): links in e-mails that open an existing onOffice record in a form that modifies it. */
    private final EditLinks editLinks;
    private final WebhookTargets webhookTargets;
    private final WebhookSender webhooks;
    private final DeliveryWorker worker;
    private final RetentionSweeper retention;
    private final OptionsCatalogues formOptions;
    /** Set by {@link #start} right after the first start's console output, before {@link #mount}. */
    private ProvisioningKeys provisioningKeys;
    private final SecurityLog securityLog;
    private final AdminSession adminSessions;
    private final PasswordCheck passwordCheck;
    private final LoginThrottle loginThrottle;
    /** Rate limits, the sign-in throttle and used proofs of work, counted over every instance on the database. */
    private final SlidingWindows limits;
    /** Statistics (issue 13): what visitors do, counted per form and day, and read back as reports. */
    private final FormTraffic traffic;
    private final FormStatistics statistics;
    // The agency's workspace (#13): searching submissions by keyed terms, privacy mode.
    private final TermHashes termHashes;
    private final SubmissionSearch submissionSearch;
    private final PrivacyMode privacyMode;
    /** Teams: who belongs to which account in which role. */
    private final MemberStore members;
    /** Viewing slots from agents' calendars (#12); made with the form servlet, closed with the app. */
    private CalendarSlots viewingSlots;
    /** The routes as mounted (by {@link #mount}); empty before. */
    private List<org.formhaus.admin.Endpoint> adminEndpoints = List.of();

    private FormhausApp(AppConfig config, Database db, FormhausMetrics metrics) throws SQLException {
        this.config = config;
        this.db = db;
        this.metrics = metrics;
        this.stores = Stores.on(db);
        this.sandbox = Sandbox.of(config.sandbox());
        this.publicUrl = new AtomicReference<>(config.http().publicUrl());
        this.onOffice = OnOfficeConnector.builder().connectTimeout(config.onOffice().connectTimeout())
                .requestTimeout(config.onOffice().requestTimeout()).hosts(onOfficeHosts(config)).observer(metrics)
                .build();
        this.liveRules = new LiveRuleCheck(id -> stores.accounts().find(id).map(a -> a.onOffice()).orElse(null),
                credentials -> onOffice.clientFor(credentials, RetryMode.NONE), LIVE_RULE_WAIT);
        this.termHashes = new TermHashes(stores.instance().getOrCreateSecret("search.term.key"));
        stores.submissions().indexWith(new SubmissionTerms(termHashes,
                (key, version) -> stores.forms().version(key, version).map(StoredForm::definition)));
        this.submissionSearch = new SubmissionSearch(db);
        this.privacyMode = new PrivacyMode(stores.submissions(), stores.forms());
        this.newsletterTokens = new ConfirmationTokens(stores.instance().getOrCreateSecret("newsletter.token.key"),
                publicUrl::get, config.newsletter().confirmLinkValid(), Clock.systemUTC());
        this.webhookTargets = webhookTargets(config);
        this.webhooks = new WebhookSender(stores.webhooks(), webhookTargets,
                new RetryPolicy(config.delivery().backoffBase().toMillis(), config.delivery().backoffMax().toMillis()),
                config.delivery().giveUpAfter(), config.delivery().poll());
        this.editLinks = new EditLinks(new EditLinkStore(db), stores.forms(), stores.submissions(), publicUrl::get,
                Clock.systemUTC());
        this.worker = deliveryWorker();
        metrics.watch(stores.jobs()::backlog);
        this.retention = new RetentionSweeper(stores.submissions(), config.retention().keep(),
                stores.forms()::latestOfAll);
        AdminConfig admin = config.admin();
        this.securityLog = new SecurityLog(stores.securityEvents(), Clock.systemUTC());
        this.members = new MemberStore(db);
        this.adminSessions = new AdminSession(stores.users()::find, memberLookup(members), admin.sessionMaxLifetime(),
                Clock.systemUTC());
        this.passwordCheck = new PasswordCheck(stores.users(), PasswordHasher.OWASP);
        this.limits = new SharedWindows(db, stores.instance().getOrCreateSecret("limits.key"));
        this.loginThrottle = new LoginThrottle(admin.maxFailuresPerEmail(), admin.maxFailuresPerAddress(),
                admin.loginWindow(), Clock.systemUTC(), limits);
        this.formOptions = formOptions();
        this.traffic = new FormTraffic(stores.dayCounters());
        this.statistics = new FormStatistics(stores.dayCounters());
    }

    /**
     * Finds the master key, opens the database (migrating it and sealing secrets earlier versions stored in clear),
     * creates the first admin and the provisioning key if needed and starts delivery and the retention sweep.
     * Unknown configuration keys are reported on {@code console} first.
     *
     * @throws org.formhaus.config.ConfigException when the configuration is unusable, e.g. no master key for a
     *                                             production database, or one that does not open the stored secrets
     */
    public static FormhausApp start(AppConfig config, PrintStream console) throws SQLException {
        config.warnings().forEach(warning -> console.println("Configuration warning: " + warning));
        ServerLog log = config.log().json() ? ServerLog.install(ServerLog.Format.JSON) : ServerLog.untouched();
        SecretBox secrets = new SecretBox(MasterKeySource.load(config, console));
        DatabaseConfig database = config.database();
        FormhausMetrics metrics = new FormhausMetrics();
        Database db;
        try {
            db = Database.open(database.url(), database.user(), database.password(), database.poolSize(), secrets,
                    new Database.Timeouts(database.connectionTimeout(), database.socketTimeout(),
                            database.queryTimeout()), metrics.registry());
        } catch (RuntimeException e) {
            metrics.close();
            log.close();
            throw e;
        }
        try {
            int sealed = new SealedColumns(db).sealClearValues();
            if (sealed > 0) {
                console.println("Sealed " + sealed + " secret(s) that were stored in clear under master key "
                        + secrets.key().id());
            }
            FormhausApp app = new FormhausApp(config, db, metrics);
            app.serverLog = log;
            FirstStart.run(db, app.stores.accounts(), app.stores.users(), config.firstAdmin(), console);
            app.provisioningKeys = ProvisioningKeys.start(config.admin().provisioningKey().orElse(""),
                    app.stores.instance(), app.stores.provisioningKeys(), console);
            app.worker.start();
            app.webhooks.start();
            app.retention.start(config.retention().firstSweep(), config.retention().sweepEvery());
            app.termBackfill().start(); // submissions of an earlier version become searchable (#13)
            app.stores.dayCounters().start(COUNTER_FLUSH);
            return app;
        } catch (SQLException | RuntimeException e) {
            db.close();
            metrics.close();
            log.close();
            throw e;
        }
    }

    /** Registers every servlet and filter on {@code context}, and the admin session cookie. */
    public void mount(ServletContext context) throws SQLException {
        AdminSession.configureCookie(context, config.admin().sessionTimeout(),
                config.http().publicUrl().startsWith("https://"));
        Routes routes = routes();
        routes.mountOn(context);
        adminEndpoints = routes.adminEndpoints();
    }

    /**
     * Every endpoint under {@code /admin} and the least role it needs, as the admin servlets declared them (empty
     * before {@link #mount}); the route fence test calls each.
     */
    public List<org.formhaus.admin.Endpoint> adminEndpoints() {
        return adminEndpoints;
    }

    private static AdminSession.Members memberLookup(MemberStore members) {
        return new AdminSession.Members() {
            @Override
            public Optional<org.formhaus.storage.Role> roleOf(long accountId, long userId) throws SQLException {
                return members.roleOf(accountId, userId);
            }

            @Override
            public Optional<Long> anyAccountOf(long userId) throws SQLException {
                return members.anyAccountOf(userId);
            }
        };
    }

    /** Every URL Formhaus answers, and what answers it. */
    private Routes routes() throws SQLException {
        AccountConnection connection = new AccountConnection(stores.accounts(), stores.forms(), onOffice,
                stores.submissions());
        PasswordChange passwordChange = new PasswordChange(stores.users(), passwordCheck, loginThrottle, securityLog);
        FormDrafts formDrafts = new FormDrafts(db); // form builder: drafts and publishing
        FormGroupStore groups = new FormGroupStore(db); // form list and copies (issue 13)
        Routes routes = new Routes()
                .filter("/*", new RequestIdFilter())
                .filter("/*", new ErrorReplyFilter())
                .filter("/*", new ResponseHardening()) // second: its TRACE refusal is answered by the first
                .servlet(HealthServlet.HEALTH, new HealthServlet(db, stores.jobs(), worker::isRunning),
                        HealthServlet.LIVE, HealthServlet.READY)
                .servlet("/metrics", new MetricsServlet(metrics, config.metrics().token()))
                .servlet("/static/*", new StaticServlet(), "/embed.js")
                .filter("/f/*", new FormTrafficFilter(traffic))
                .multipart("/f/*", formServlet(), uploadLimits())
                .servlet("/beacon/*", new BeaconServlet(stores.forms(), traffic,
                        stores.instance().getOrCreateSecret("form.token.key"), config.forms().tokenValidity()))
                .servlet(ConfirmationTokens.PATH, new NewsletterConfirmServlet(newsletterTokens, stores.submissions(),
                        stores.jobs(), config.delivery().giveUpAfter(), worker::nudge, templates))
                .adminGuard(endpoints -> new AccessGuard(endpoints, new AdminAuthFilter(stores.users(),
                        memberLookup(members), adminSessions, securityLog), adminSessions,
                        id -> stores.accounts().find(id).map(a -> a.name()).orElse("")))
                .servlet("/admin/api/forms", new FormsApiServlet(stores.forms(), formSaveCheck(), stores.spamCounts(),
                        connection::warningsFor, formDrafts),
                        "/admin/api/forms/*")
                .servlet("/admin/api/submissions", new SubmissionsApiServlet(stores.submissions(), stores.jobs(),
                        config.delivery().giveUpAfter(), worker::nudge, failedRetries()), "/admin/api/submissions/*")
                .servlet("/admin/api/settings/*", new SettingsApiServlet(stores.accounts(), onOffice::allows))
                .servlet("/admin/api/settings/webhooks", new WebhookSettingsApiServlet(stores.webhooks(),
                        webhookTargets))
                .servlet("/admin/api/provisioning-keys", new ProvisioningKeysApiServlet(provisioningKeys,
                        stores.provisioningKeys()), "/admin/api/provisioning-keys/*")
                .servlet("/admin/api/tokens", new TokensApiServlet(stores.users()), "/admin/api/tokens/*")
                .servlet("/admin/api/statistics/*", new StatisticsApiServlet(stores.forms(), statistics))
                .servlet("/admin/statistics/*", new StatisticsPageServlet(templates, adminSessions, stores.forms(),
                        statistics))
                .servlet("/admin/api/user/*", new UserApiServlet(stores.users(), passwordChange, adminSessions))
                .servlet("/admin/api/connection/*", new ConnectionApiServlet(connection))
                .servlet("/admin/login", new LoginServlet(templates, stores.users(), adminSessions, passwordCheck,
                        loginThrottle, securityLog), "/admin/logout")
                .servlet("/admin/password", new SecurityPagesServlet(templates, adminSessions, passwordChange,
                        securityLog), "/admin/security")
                .servlet("/admin", new AdminPagesServlet(templates, adminSessions, stores.users(), stores.accounts(),
                        stores.forms(), stores.submissions(), stores.submissionCounts(), connection,
                        config.http().publicUrl(), stores.webhooks()).withDrafts(formDrafts).withGroups(groups), "/admin/*")
                .servlet("/admin/api/onoffice-fields", new FieldCatalogueApiServlet(id -> { // form builder's field picker
                    var credentials = stores.accounts().find(id).map(a -> a.onOffice()).orElse(null);
                    return credentials == null || !credentials.complete() ? null : metadata.get("account-" + id,
                            onOffice.clientFor(credentials, RetryMode.SAFE_ONLY));
                }))
                .servlet("/admin/build", new BuilderServlet(templates, adminSessions, stores.forms(), formDrafts,
                        new FormPreview(templates, formOptions)).withPublicUrl(config.http().publicUrl()),
                        "/admin/build/*") // form builder
                .servlet("/marketplace/activate", marketplaceActivation(), "/marketplace/unlock")
                .servlet("/marketplace/open", Marketplace.serviceCalls(templates, marketplaceSettings(),
                        config.marketplace().stateLifetime(), stores.marketplace(), stores.users(), adminSessions,
                        passwordCheck, securityLog), "/marketplace/login")
                .servlet("/api/users", new ProvisioningServlet(provisioningKeys, db, stores.accounts(),
                        stores.users(), securityLog));
        workspaceRoutes(routes);
        teamRoutes(routes, groups);
        return sandbox.enabled() ? routes.servlet(Sandbox.PATH + "/*", sandbox.servlet()) : routes;
    }

    /** Teams and consultants (issue 13): members, invitations, switching accounts, copying forms, form groups. */
    private void teamRoutes(Routes routes, FormGroupStore groups) {
        Team team = new Team(db, members, new InvitationStore(db), stores.users(), PasswordHasher.OWASP, securityLog,
                Clock.systemUTC());
        FormCopy copy = new FormCopy(stores.forms(), members, formSaveCheck(), securityLog, groups);
        routes.servlet("/admin/api/team/*", new TeamApiServlet(team, config.http().publicUrl()))
                .servlet("/admin/api/accounts", new AccountsApiServlet(members))
                .servlet("/admin/api/copies", new CopiesApiServlet(copy))
                .servlet("/admin/api/form-groups", new FormGroupsApiServlet(groups), "/admin/api/form-groups/*")
                .servlet("/admin/join/*", new JoinPageServlet(templates, team, adminSessions, stores.accounts()))
                .servlet("/admin/team", new TeamPagesServlet(templates, team, copy, stores.forms(), adminSessions,
                        securityLog, config.http().publicUrl(), groups), "/admin/team/*", "/admin/accounts", "/admin/accounts/*");
    }

    /** The workspace (#13): submissions list and detail, CSV export, data-subject requests. */
    private void workspaceRoutes(Routes routes) {
        SubmissionExport export = new SubmissionExport(submissionSearch, stores.forms(), java.time.ZoneId.systemDefault());
        DataSubjectRequests requests = new DataSubjectRequests(termHashes, submissionSearch, stores.submissions(),
                stores.files(), stores.forms(), new DataSubjectRequestStore(db), Clock.systemUTC());
        routes.servlet("/admin/api/submissions.csv", new SubmissionsCsvApiServlet(export, stores.forms(), termHashes))
                .servlet("/admin/api/data-subject-requests", new DataSubjectRequestsApiServlet(requests))
                .servlet("/admin/api/edit-links", new EditLinksApiServlet(editLinks, stores.submissions()),
                        "/admin/api/edit-links/*")
                .servlet("/admin/submissions", new SubmissionPagesServlet(templates, adminSessions,
                        new SubmissionPagesServlet.Parts(stores.forms(), stores.submissions(), submissionSearch,
                                stores.files(), stores.jobs(), failedRetries(), export, termHashes,
                                config.delivery().giveUpAfter(), worker::nudge), editLinks), "/admin/submissions/*")
                .servlet("/admin/privacy", new DataSubjectPagesServlet(templates, adminSessions, requests));
    }

    private FailedRetries failedRetries() {
        return new FailedRetries(submissionSearch, stores.forms(), stores.jobs(), config.delivery().giveUpAfter(),
                worker::nudge);
    }

    /** onOffice's API host, the operator's {@code onoffice.hosts}, and the host of {@code marketplace.onoffice.url}. */
    private static OnOfficeHosts onOfficeHosts(AppConfig config) {
        OnOfficeHosts hosts;
        try {
            hosts = OnOfficeHosts.parse(String.join(",", config.onOffice().hosts()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("onoffice.hosts: " + e.getMessage());
        }
        Optional<String> marketplaceUrl = config.marketplace().onOfficeUrl();
        try {
            return marketplaceUrl.isEmpty() ? hosts : hosts.plus(URI.create(marketplaceUrl.get()));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ConfigException("marketplace.onoffice.url: not a URL");
        }
    }

    /** The operator's {@code webhooks.hosts}: hosts webhooks may reach although they are not public. */
    private static WebhookTargets webhookTargets(AppConfig config) {
        try {
            return new WebhookTargets(OnOfficeHosts.parse(String.join(",", config.webhooks().hosts())));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("webhooks.hosts: " + e.getMessage());
        }
    }

    /** Delivery: outbox jobs → onOffice records and e-mails, with clients that never retry by themselves. */
    private DeliveryWorker deliveryWorker() {
        // Delivery decides itself when to try again: a client's own retry could create a record twice.
        ClientFactory clients = credentials -> onOffice.clientFor(credentials, RetryMode.NONE);
        DeliveryOutcomes outcomes = (submissionId, outcome) -> {
            metrics.recorded(submissionId, outcome);
            if (outcome == DeliveryOutcomes.Outcome.DELIVERED) {
                privacyMode.delivered(submissionId); // privacy mode (#13): erased once delivered
            }
            if (outcome != DeliveryOutcomes.Outcome.RETRY) {
                webhooks.nudge(); // a delivered or failed submission's webhook messages were just written
            }
        };
        SubmissionDelivery delivery = new SubmissionDelivery(stores.submissions(), stores.files(),
                new SubmissionMapper(knownFields, newsletterTokens, new RoutingTurns(db)::turn),
                new FormMailPlanner(new AgentEmails(metadata, clients),
                        new ConfirmationQuota(db, config.mail().confirmationsPerAddressPerDay())::admits,
                        submissionId -> {
                            List<FormMailPlanner.UploadedFiles.File> files = new ArrayList<>();
                            for (StoredFile f : stores.files().list(submissionId)) {
                                stores.files().content(f.id()).ifPresent(bytes ->
                                        files.add(new FormMailPlanner.UploadedFiles.File(f.fileName(), bytes)));
                            }
                            return files;
                        }, editLinks::issue));
        return DeliveryWorker.create(stores.submissions(), stores.forms(), stores.accounts(), stores.jobs(), clients,
                delivery, DeliverySettings.of(config.delivery()), outcomes);
    }

    /** onOffice options of forms: each account's catalogue in the database, refreshed in the background. */
    private OptionsCatalogues formOptions() {
        FormsConfig forms = config.forms();
        // Refreshes decide themselves when to try again (forms.options.retry.seconds), so a client that never retries.
        OnOfficeCatalogueSource source = new OnOfficeCatalogueSource(stores.accounts(),
                credentials -> onOffice.clientFor(credentials, RetryMode.NONE), metadata);
        return new OptionsCatalogues(new CatalogueStore(db), source, new OptionsCatalogues.Settings(
                forms.optionsCache(), forms.optionsRetry(), forms.optionsRefreshThreads()));
    }

    private FormServlet formServlet() throws SQLException {
        FormsConfig limits = config.forms();
        // Viewing slots read the agent's calendar with the caller's timeout (CalendarSlots.WAIT), never retrying
        viewingSlots = new CalendarSlots(stores.accounts(),
                credentials -> onOffice.clientFor(credentials, RetryMode.NONE), new SlotAgent(metadata),
                new SlotClaimStore(db), new org.formhaus.http.SignedTokens(stores.instance().getOrCreateSecret("form.token.key"),
                Clock.systemUTC()), Clock.systemUTC());
        FormIntake intake = new FormIntake(stores.forms(), stores.submissions(), config.delivery().giveUpAfter(),
                worker::nudge);
        return new FormServlet(intake, stores.accounts(), formOptions, stores.spamCounts(), templates,
                stores.instance().getOrCreateSecret("form.token.key"),
                new FormServlet.Settings(limits.submissionsPerClientPerMinute(), limits.submissionsPerFormPerMinute(),
                        limits.minFillSeconds(), limits.maxBodyBytes(), limits.maxFileBytes(), limits.tokenValidity()),
                (formKey, outcome) -> {
                    metrics.count(formKey, outcome);
                    if (outcome == SubmissionCounter.Outcome.ACCEPTED) {
                        traffic.submitted(formKey); // in the request's thread: with the source FormTrafficFilter set
                    }
                }, this.limits, editLinks, new RecordLoader(this::editLinkClient), liveRules::refusals, viewingSlots);
    }

    /**
     * The client that loads an edit link's record while the visitor waits: it never retries by itself, so onOffice is
     * asked once, for at most onoffice.request.timeout.seconds.
     */
    private org.formhaus.onoffice.OnOfficeClient editLinkClient(long accountId) throws SQLException {
        var credentials = stores.accounts().find(accountId).map(a -> a.onOffice()).orElse(null);
        return credentials == null || !credentials.complete() ? null
                : onOffice.clientFor(credentials, RetryMode.NONE);
    }

    private MultipartConfigElement uploadLimits() {
        // No per-file limit in the container: the reader checks each file itself, to name its field in the 413.
        return new MultipartConfigElement(null, -1, config.forms().maxRequestBytes(), 64 * 1024);
    }

    /**
     * Saving a form checks its mapping against the account's onOffice fields, its e-mail templates and its thank-you
     * URL, and loads the account's options catalogue when the form has onOffice options and none is stored, so its
     * first visitor sees them.
     */
    private FormSaveCheck formSaveCheck() {
        MappingCheck mappingCheck = new MappingCheck(id -> stores.accounts().find(id).map(a -> a.onOffice()).orElse(null),
                credentials -> onOffice.clientFor(credentials, RetryMode.SAFE_ONLY), metadata, knownFields);
        MailTemplateCheck mailCheck = new MailTemplateCheck();
        return FormSaveCheck.NONE.and(mappingCheck::problems).and((account, definition) -> mailCheck.problems(definition,
                        key -> editLinks.isEditForm(account, key)))
                .and((account, definition) -> FormProtection.problems(definition))
                .and((account, definition) -> ThankYouUrl.check(definition))
                .and((account, definition) -> {
                    formOptions.prepare(account, definition);
                    return List.of();
                });
    }

    private MarketplaceServlet marketplaceActivation() throws SQLException {
        MarketplaceConfig marketplace = config.marketplace();
        return Marketplace.servlet(templates, marketplaceSettings(),
                stores.instance().getOrCreateSecret("marketplace.state.key"), marketplace.stateLifetime(), onOffice,
                () -> marketplace.onOfficeUrl().orElseGet(sandbox::onOfficeApiUrl), stores.marketplace(), securityLog);
    }

    private MarketplaceServlet.Settings marketplaceSettings() {
        MarketplaceConfig marketplace = config.marketplace();
        return new MarketplaceServlet.Settings(marketplace.providerSecret(), config.http().publicUrl(),
                marketplace.timestampWindow(), marketplace.frameAncestors(), marketplace.privacyUrl());
    }

    /**
     * Called once the server's address is known: it becomes the base of links in e-mails unless {@code public.url}
     * is set; in sandbox mode, also points the first account at the in-process simulator.
     */
    public void connectSandbox(URI base, PrintStream console) throws SQLException {
        publicUrl.compareAndSet("", base.toString());
        if (sandbox.enabled()) {
            // The in-process simulator, as the account reaches it and as Formhaus calls itself (Marketplace unlock).
            onOffice.allowAlso(URI.create(publicUrl.get()));
            onOffice.allowAlso(base);
        }
        sandbox.connect(stores.accounts(), publicUrl.get(), base.toString(), console);
    }

    /** In sandbox mode, gives the first account the example contact form when it has no form yet. */
    void seedExampleForm(URI base, PrintStream console) throws Exception {
        sandbox.seedExampleForm(stores.accounts(), stores.forms(), base.toString(), console);
    }

    /** The in-process onOffice simulator (does nothing outside sandbox mode). */
    Sandbox sandbox() {
        return sandbox;
    }

    public Database database() {
        return db;
    }

    public AppConfig config() {
        return config;
    }

    public FormStore forms() {
        return stores.forms();
    }

    public AccountStore accounts() {
        return stores.accounts();
    }

    public InstanceSettings instance() {
        return stores.instance();
    }

    /** Gives submissions stored before search terms were kept their terms, unless done before (for tests). */
    public int backfillSearchTerms() throws SQLException {
        return termBackfill().run();
    }

    private TermBackfill termBackfill() {
        return new TermBackfill(stores.submissions(), stores.instance());
    }

    /** Erases old submissions' personal data now, as the periodic sweep does (for operators' tools and tests). */
    public int sweepRetention(long now) throws SQLException {
        return retention.sweep(now);
    }

    @Override
    public void close() {
        retention.close();
        liveRules.close();
        formOptions.close();
        if (viewingSlots != null) {
            viewingSlots.close();
        }
        worker.close();
        webhooks.close();
        stores.dayCounters().close();
        onOffice.close();
        db.close();
        metrics.close();
        serverLog.close();
    }
}
