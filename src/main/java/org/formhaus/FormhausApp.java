package org.formhaus;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContext;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.SessionTrackingMode;
import java.io.PrintStream;
import java.net.URI;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.formhaus.admin.AccountConnection;
import org.formhaus.admin.AdminAuthFilter;
import org.formhaus.admin.ConnectionApiServlet;
import org.formhaus.admin.FirstStart;
import org.formhaus.admin.FormSaveCheck;
import org.formhaus.admin.FormsApiServlet;
import org.formhaus.admin.ProvisioningServlet;
import org.formhaus.admin.Secrets;
import org.formhaus.admin.SettingsApiServlet;
import org.formhaus.admin.SubmissionsApiServlet;
import org.formhaus.admin.TokensApiServlet;
import org.formhaus.admin.ui.AdminPagesServlet;
import org.formhaus.admin.ui.LoginServlet;
import org.formhaus.config.AppConfig;
import org.formhaus.delivery.ClientFactory;
import org.formhaus.delivery.DeliverySettings;
import org.formhaus.delivery.DeliveryWorker;
import org.formhaus.delivery.MailPlanner;
import org.formhaus.delivery.RetryPolicy;
import org.formhaus.delivery.SubmissionDelivery;
import org.formhaus.intake.FormIntake;
import org.formhaus.mapping.KnownFields;
import org.formhaus.mapping.MappingCheck;
import org.formhaus.mapping.SubmissionMapper;
import org.formhaus.newsletter.ConfirmationTokens;
import org.formhaus.newsletter.NewsletterConfirmServlet;
import org.formhaus.mail.FormMailPlanner;
import org.formhaus.mail.MailTemplateCheck;
import org.formhaus.marketplace.Marketplace;
import org.formhaus.marketplace.MarketplaceServlet;
import org.formhaus.onoffice.OnOfficeCredentials;
import org.formhaus.onoffice.OnOfficeConnector;
import org.formhaus.onoffice.OnOfficeException;
import org.formhaus.onoffice.OnOfficeUser;
import org.formhaus.onoffice.OnOfficeMetadata;
import org.formhaus.onoffice.RetryMode;
import org.formhaus.render.Templates;
import org.formhaus.retention.RetentionSweeper;
import org.formhaus.storage.Account;
import org.formhaus.storage.AccountStore;
import org.formhaus.storage.AdminUserStore;
import org.formhaus.storage.Database;
import org.formhaus.storage.DeliveryJobStore;
import org.formhaus.storage.FormStore;
import org.formhaus.storage.InstanceSettings;
import org.formhaus.storage.MarketplaceStore;
import org.formhaus.storage.SubmissionCounts;
import org.formhaus.storage.SpamCounts;
import org.formhaus.storage.SubmissionFileStore;
import org.formhaus.storage.SubmissionStore;
import org.formhaus.web.FormOptions;
import org.formhaus.web.FormServlet;
import org.formhaus.web.HealthServlet;
import org.formhaus.web.StaticServlet;

/**
 * Formhaus wired together: the only class that knows every package. Built once from an {@link AppConfig}; mounts its
 * servlets on any Servlet 6 context (the WAR's or the embedded Jetty's); {@link #close()} stops delivery gracefully
 * and closes the pool.
 */
public final class FormhausApp implements AutoCloseable {

    private final AppConfig config;
    private final Database db;
    private final AccountStore accounts;
    private final AdminUserStore users;
    private final FormStore forms;
    private final SubmissionStore submissions;
    private final DeliveryJobStore jobs;
    private final InstanceSettings instance;
    private final OnOfficeConnector onOffice;
    /** Clients without automatic retries: delivery decides itself, since a repeated create could duplicate. */
    private final ClientFactory clients;
    private final DeliveryWorker worker;
    private final RetentionSweeper retention;
    private final Duration giveUpAfter;
    private final Templates templates = new Templates();
    private final Sandbox sandbox;
    private final KnownFields knownFields = new KnownFields();
    private final OnOfficeMetadata metadata = new OnOfficeMetadata();
    /** Where visitors reach us, for links in e-mails: public.url, else the address the server started on. */
    private final AtomicReference<String> publicUrl = new AtomicReference<>("");
    private final ConfirmationTokens newsletterTokens;
    /** Where the in-process simulator is reachable, once the server knows its address (sandbox mode only). */
    private volatile URI sandboxBase;
    private final FormOptions formOptions;
    private final SpamCounts spamCounts;

    private FormhausApp(AppConfig config, Database db, Map<String, String> env) throws SQLException {
        this.config = config;
        this.sandbox = config.bool("sandbox") ? Sandbox.create(env) : null;
        this.db = db;
        this.accounts = new AccountStore(db);
        this.users = new AdminUserStore(db);
        this.forms = new FormStore(db, Duration.ofSeconds(5));
        this.submissions = new SubmissionStore(db);
        this.jobs = new DeliveryJobStore(db);
        this.instance = new InstanceSettings(db);
        this.giveUpAfter = Duration.ofHours(config.intValue("delivery.give.up.hours"));
        this.onOffice = OnOfficeConnector.builder()
                .connectTimeout(Duration.ofSeconds(config.intValue("onoffice.connect.timeout.seconds")))
                .requestTimeout(Duration.ofSeconds(config.intValue("onoffice.request.timeout.seconds")))
                .build();
        this.clients = credentials -> onOffice.clientFor(credentials, RetryMode.NONE);
        this.publicUrl.set(config.string("public.url"));
        this.newsletterTokens = new ConfirmationTokens(instance.getOrCreateSecret("newsletter.token.key"), publicUrl::get,
                Duration.ofDays(config.intValue("newsletter.confirm.days")), Clock.systemUTC());
        SubmissionDelivery delivery = new SubmissionDelivery(submissions, new SubmissionFileStore(db),
                new SubmissionMapper(knownFields, newsletterTokens), new FormMailPlanner(this::userEmail));
        this.worker = DeliveryWorker.create(submissions, forms, accounts, jobs, clients, delivery,
                deliverySettings(config));
        this.retention = new RetentionSweeper(submissions, Duration.ofDays(config.intValue("retention.days")));
        this.spamCounts = new SpamCounts(db);
        this.formOptions = new FormOptions(accounts, credentials -> onOffice.clientFor(credentials),
                Duration.ofMinutes(config.intValue("forms.options.cache.minutes")), Duration.ofSeconds(3));
    }

    /** An onOffice user's email address from the account's cached user list, for notices to the responsible agent. */
    private String userEmail(Account account, String username) throws OnOfficeException {
        return metadata.get("account-" + account.id(), clients.clientFor(account.onOffice()))
                .userByName(username).map(OnOfficeUser::email).orElse(null);
    }

    private static DeliverySettings deliverySettings(AppConfig config) {
        return new DeliverySettings(config.intValue("delivery.workers"), config.intValue("delivery.per.account"),
                config.intValue("delivery.poll.millis"), config.intValue("delivery.lease.millis"),
                config.intValue("delivery.shutdown.grace.seconds") * 1000L,
                new RetryPolicy(config.intValue("delivery.backoff.base.millis"),
                        Math.max(config.intValue("delivery.backoff.max.millis"),
                                config.intValue("delivery.backoff.base.millis"))));
    }

    /** Opens the database (migrating it), creates the first admin if needed and starts delivery. */
    public static FormhausApp start(AppConfig config, Map<String, String> env, PrintStream console) throws SQLException {
        Database db = Database.open(config.dbUrl(), config.string("db.user"), config.string("db.password"),
                config.intValue("db.pool.size"));
        try {
            FormhausApp app = new FormhausApp(config, db, env);
            FirstStart.run(db, app.accounts, app.users, env, console);
            app.worker.start();
            Duration sweepEvery = Duration.ofMinutes(app.config.intValue("retention.sweep.minutes"));
            app.retention.start(Duration.ofMinutes(1).compareTo(sweepEvery) < 0 ? Duration.ofMinutes(1) : sweepEvery,
                    sweepEvery);
            return app;
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Registers every servlet and filter on {@code context}. */
    public void mount(ServletContext context) throws SQLException {
        servlet(context, "health", new HealthServlet(db, jobs), "/healthz");
        servlet(context, "static", new StaticServlet(), "/static/*", "/embed.js");
        FormIntake intake = new FormIntake(forms, submissions, giveUpAfter, worker::nudge);
        FormServlet.Settings limits = new FormServlet.Settings(config.intValue("ratelimit.submissions.per.minute"),
                config.intValue("ratelimit.form.submissions.per.minute"), config.intValue("spam.min.fill.seconds"),
                config.intValue("forms.max.body.bytes"), config.intValue("upload.max.file.bytes"));
        servlet(context, "forms", new FormServlet(intake, accounts, formOptions, spamCounts, templates,
                instance.getOrCreateSecret("form.token.key"), limits), "/f/*")
                .setMultipartConfig(new MultipartConfigElement(null, config.intValue("upload.max.file.bytes"),
                        config.intValue("upload.max.request.bytes"), 64 * 1024));
        filter(context, "admin-auth", new AdminAuthFilter(users), "/admin/api/*");
        MappingCheck mappingCheck = new MappingCheck(id -> accounts.find(id).map(a -> a.onOffice()).orElse(null),
                credentials -> onOffice.clientFor(credentials, RetryMode.SAFE_ONLY), metadata, knownFields);
        MailTemplateCheck mailCheck = new MailTemplateCheck();
        FormSaveCheck saveCheck = FormSaveCheck.NONE.and(mappingCheck::problems)
                .and((account, definition) -> mailCheck.problems(definition));
        servlet(context, "admin-forms", new FormsApiServlet(forms, saveCheck, spamCounts),
                "/admin/api/forms", "/admin/api/forms/*");
        servlet(context, "newsletter-confirm", new NewsletterConfirmServlet(newsletterTokens, submissions, accounts,
                credentials -> onOffice.clientFor(credentials, RetryMode.SAFE_ONLY), templates), ConfirmationTokens.PATH);
        servlet(context, "admin-submissions", new SubmissionsApiServlet(submissions, jobs, giveUpAfter, worker::nudge),
                "/admin/api/submissions", "/admin/api/submissions/*");
        servlet(context, "admin-settings", new SettingsApiServlet(accounts), "/admin/api/settings/*");
        mountAdminUi(context);
        mountMarketplace(context);
        if (sandbox != null) {
            servlet(context, "sandbox-onoffice", sandbox.servlet(), Sandbox.PATH + "/*");
        }
        servlet(context, "provisioning", new ProvisioningServlet(provisioningKey(), db, accounts, users), "/api/users");
    }

    /**
     * The admin UI (pages, sign-in), the API-token and connection-check endpoints, and the session cookie: HttpOnly,
     * SameSite=Lax, cookies only (never a session id in URLs). Containers mark it Secure on HTTPS requests themselves
     * (Jetty and Tomcat both do by default).
     */
    private void mountAdminUi(ServletContext context) {
        SessionCookieConfig cookie = context.getSessionCookieConfig();
        cookie.setName("FORMHAUS_SESSION");
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
        context.setSessionTrackingModes(EnumSet.of(SessionTrackingMode.COOKIE));
        context.setSessionTimeout(config.intValue("admin.session.timeout.minutes", 5, 7 * 24 * 60));
        AccountConnection connection = new AccountConnection(accounts, forms, onOffice);
        servlet(context, "admin-tokens", new TokensApiServlet(users), "/admin/api/tokens", "/admin/api/tokens/*");
        servlet(context, "admin-connection", new ConnectionApiServlet(connection), "/admin/api/connection/*");
        servlet(context, "admin-login", new LoginServlet(templates, users,
                config.intValue("admin.login.max.failures.per.email", 0, 1_000_000),
                config.intValue("admin.login.max.failures.per.address", 0, 1_000_000),
                Duration.ofMinutes(config.intValue("admin.login.window.minutes", 1, 24 * 60))),
                "/admin/login", "/admin/logout");
        servlet(context, "admin-pages", new AdminPagesServlet(templates, users, accounts, forms, submissions,
                new SubmissionCounts(db), connection, config.string("public.url")), "/admin", "/admin/*");
    }

    /**
     * onOffice Marketplace: activation ({@code /marketplace/activate}, {@code /marketplace/unlock}) and opening
     * Formhaus from inside onOffice ({@code /marketplace/open}, {@code /marketplace/login}).
     */
    private void mountMarketplace(ServletContext context) throws SQLException {
        MarketplaceServlet.Settings settings = new MarketplaceServlet.Settings(
                config.string("marketplace.provider.secret"), config.string("public.url"),
                Duration.ofSeconds(config.intValue("marketplace.timestamp.window.seconds", 1, 7 * 24 * 3600)),
                config.string("marketplace.frame.ancestors"), config.string("marketplace.privacy.url"));
        Duration stateMinutes = Duration.ofMinutes(config.intValue("marketplace.state.minutes", 1, 24 * 60));
        MarketplaceStore store = new MarketplaceStore(db);
        servlet(context, "marketplace", Marketplace.servlet(templates, settings,
                instance.getOrCreateSecret("marketplace.state.key"), stateMinutes, onOffice,
                this::marketplaceApiUrl, store), "/marketplace/activate", "/marketplace/unlock");
        servlet(context, "marketplace-open", Marketplace.serviceCalls(templates, settings, stateMinutes, store, users),
                "/marketplace/open", "/marketplace/login");
    }

    /** {@code marketplace.onoffice.url}, else the in-process simulator in sandbox mode, else onOffice's stable API. */
    private String marketplaceApiUrl() {
        String configured = config.string("marketplace.onoffice.url");
        if (!configured.isEmpty()) {
            return configured;
        }
        URI base = sandboxBase;
        return sandbox != null && base != null ? base + Sandbox.PATH + "/api/stable/api.php"
                : OnOfficeCredentials.STABLE_URL;
    }

    /** The key of the user-provisioning API: {@code provisioning.api.key}, else generated once and kept. */
    private String provisioningKey() throws SQLException {
        String configured = config.string("provisioning.api.key");
        return configured.isEmpty() ? instance.getOrCreateSecret("provisioning.api.key") : configured;
    }

    private static jakarta.servlet.ServletRegistration.Dynamic servlet(ServletContext context, String name,
                                                                      Servlet servlet, String... mappings) {
        var registration = context.addServlet(name, servlet);
        registration.addMapping(mappings);
        registration.setLoadOnStartup(1);
        return registration;
    }

    private static void filter(ServletContext context, String name, Filter filter, String pattern) {
        context.addFilter(name, filter).addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, pattern);
    }

    /**
     * Called once the server's address is known: it becomes the base of links in e-mails unless {@code public.url}
     * is set; in sandbox mode, also points the first account at the in-process simulator.
     */
    public void connectSandbox(URI base, PrintStream console) throws SQLException {
        publicUrl.compareAndSet("", base.toString()); // links in e-mails need an address; public.url wins when set
        this.sandboxBase = base;
        Sandbox.connectIfEnabled(this, config, base, console);
    }

    /** The in-process onOffice simulator, or null outside sandbox mode. */
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
        return forms;
    }

    public AccountStore accounts() {
        return accounts;
    }

    public InstanceSettings instance() {
        return instance;
    }

    /** Erases old submissions' personal data now, as the periodic sweep does (for operators' tools and tests). */
    public int sweepRetention(long now) throws SQLException {
        return retention.sweep(now);
    }

    @Override
    public void close() {
        retention.close();
        formOptions.close();
        worker.close();
        db.close();
    }
}
