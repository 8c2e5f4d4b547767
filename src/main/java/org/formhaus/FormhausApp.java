package org.formhaus;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContext;
import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import org.formhaus.admin.AdminAuthFilter;
import org.formhaus.admin.FirstStart;
import org.formhaus.admin.FormSaveCheck;
import org.formhaus.admin.FormsApiServlet;
import org.formhaus.admin.ProvisioningServlet;
import org.formhaus.admin.Secrets;
import org.formhaus.admin.SettingsApiServlet;
import org.formhaus.admin.SubmissionsApiServlet;
import org.formhaus.config.AppConfig;
import org.formhaus.delivery.DeliveryWorker;
import org.formhaus.delivery.RetryPolicy;
import org.formhaus.onoffice.OnOfficeConnector;
import org.formhaus.onoffice.RetryMode;
import org.formhaus.render.Templates;
import org.formhaus.storage.AccountStore;
import org.formhaus.storage.AdminUserStore;
import org.formhaus.storage.Database;
import org.formhaus.storage.DeliveryJobStore;
import org.formhaus.storage.FormStore;
import org.formhaus.storage.InstanceSettings;
import org.formhaus.storage.SpamCounts;
import org.formhaus.storage.SubmissionStore;
import org.formhaus.web.FormIntake;
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
    private final DeliveryWorker worker;
    private final Duration giveUpAfter;
    private final Templates templates = new Templates();
    private final Sandbox sandbox;
    private final FormOptions formOptions;
    private final SpamCounts spamCounts;

    private FormhausApp(AppConfig config, Database db, Map<String, String> env) {
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
        // Delivery decides about retries itself: an automatic retry of a create that reached onOffice would duplicate.
        this.worker = new DeliveryWorker(jobs, submissions, forms, accounts,
                credentials -> onOffice.clientFor(credentials, RetryMode.NONE), RetryPolicy.DEFAULT,
                config.intValue("delivery.workers"), config.intValue("delivery.poll.millis"));
        this.spamCounts = new SpamCounts(db);
        this.formOptions = new FormOptions(accounts, credentials -> onOffice.clientFor(credentials),
                Duration.ofMinutes(config.intValue("forms.options.cache.minutes")), Duration.ofSeconds(3));
    }

    /** Opens the database (migrating it), creates the first admin if needed and starts delivery. */
    public static FormhausApp start(AppConfig config, Map<String, String> env, PrintStream console) throws SQLException {
        Database db = Database.open(config.dbUrl(), config.string("db.user"), config.string("db.password"),
                config.intValue("db.pool.size"));
        try {
            FormhausApp app = new FormhausApp(config, db, env);
            FirstStart.run(db, app.accounts, app.users, env, console);
            app.worker.start();
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
        servlet(context, "admin-forms", new FormsApiServlet(forms, FormSaveCheck.NONE, spamCounts),
                "/admin/api/forms", "/admin/api/forms/*");
        servlet(context, "admin-submissions", new SubmissionsApiServlet(submissions, jobs, giveUpAfter, worker::nudge),
                "/admin/api/submissions", "/admin/api/submissions/*");
        servlet(context, "admin-settings", new SettingsApiServlet(accounts), "/admin/api/settings/*");
        if (sandbox != null) {
            servlet(context, "sandbox-onoffice", sandbox.servlet(), Sandbox.PATH + "/*");
        }
        servlet(context, "provisioning", new ProvisioningServlet(provisioningKey(), db, accounts, users), "/api/users");
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
     * In sandbox mode, points the first account at the in-process simulator, now that the server's address is
     * known; otherwise does nothing.
     */
    public void connectSandbox(java.net.URI base, PrintStream console) throws SQLException {
        Sandbox.connectIfEnabled(this, config, base, console);
    }

    /** The in-process onOffice simulator, or null outside sandbox mode. */
    Sandbox sandbox() {
        return sandbox;
    }

    public Database database() {
        return db;
    }

    public AccountStore accounts() {
        return accounts;
    }

    public InstanceSettings instance() {
        return instance;
    }

    @Override
    public void close() {
        formOptions.close();
        worker.close();
        db.close();
    }
}
