package org.formhaus;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.formhaus.admin.Secrets;
import org.formhaus.config.AppConfig;
import org.formhaus.forms.DefinitionException;
import org.formhaus.forms.DefinitionParser;
import org.formhaus.forms.FormDefinition;
import org.formhaus.simulator.Simulator;
import org.formhaus.simulator.SimulatorServer;
import org.formhaus.simulator.SimulatorServlet;
import org.formhaus.storage.Account;
import org.formhaus.storage.FormKeyTakenException;

/**
 * Sandbox mode: the onOffice simulator runs in the same process under {@code /sandbox/onoffice/}, and the first
 * account is pointed at it, so a demo or a quick start needs no onOffice account.
 */
final class Sandbox {

    static final String PATH = "/sandbox/onoffice";

    private final Simulator simulator;
    private final String token;
    private final String secret;

    private Sandbox(String token, String secret) {
        this.simulator = Simulator.create(token, secret, Clock.systemUTC());
        this.token = token;
        this.secret = secret;
    }

    /** The simulator's API user takes its token and secret from the environment, or fresh random ones. */
    static Sandbox create(Map<String, String> env) {
        String token = env.getOrDefault("FORMHAUS_SIM_TOKEN", Secrets.randomToken(24));
        String secret = env.getOrDefault("FORMHAUS_SIM_SECRET", Secrets.randomToken(48));
        return new Sandbox(token, secret);
    }

    Simulator simulator() {
        return simulator;
    }

    SimulatorServlet servlet() {
        return new SimulatorServlet(simulator);
    }

    /** Points the first account at this simulator, reachable under {@code base}. */
    static void connectIfEnabled(FormhausApp app, AppConfig config, URI base, PrintStream console) throws SQLException {
        Sandbox sandbox = app.sandbox();
        if (sandbox == null) {
            return;
        }
        Account account = app.accounts().first().orElseThrow();
        String url = (config.string("public.url").isEmpty() ? base.toString() : config.string("public.url"))
                + PATH + "/api/stable/api.php";
        app.accounts().updateOnOffice(account.id(), url, sandbox.token, sandbox.secret,
                List.copyOf(sandbox.simulator.assignedMailboxes()));
        console.println("Sandbox: account '" + account.name() + "' uses the built-in onOffice simulator at " + url);

        console.println("         records: " + base + PATH + "/records/address   mails: " + base + PATH + "/mails");
    }

    /** Gives a sandbox account without forms the contract's example contact form, so there is something to fill in. */
    static void seedExampleForm(FormhausApp app, URI base, PrintStream console) throws SQLException, FormKeyTakenException {
        Account account = app.accounts().first().orElseThrow();
        if (app.sandbox() != null && app.forms().list(account.id()).isEmpty()) {
            app.forms().save(account.id(), exampleForm());
            console.println("         example form: " + base + "/f/kontakt");
        }
    }


    private static FormDefinition exampleForm() {
        try (InputStream in = Sandbox.class.getResourceAsStream("/sandbox/kontakt.json")) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new DefinitionParser().parse(JsonParser.parseString(json).getAsJsonObject());
        } catch (IOException | DefinitionException e) {
            throw new IllegalStateException("The built-in example form is broken", e);
        }
    }

    /** {@code bin/formhaus simulator}: only the simulator, on its own port. */
    static void runStandaloneSimulator(int port) throws Exception {
        SimulatorServer.main(new String[] {"--port", Integer.toString(port)});
    }
}
