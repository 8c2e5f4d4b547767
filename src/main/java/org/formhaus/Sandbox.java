package org.formhaus;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.formhaus.admin.Secrets;
import org.formhaus.config.SandboxConfig;
import org.formhaus.forms.DefinitionException;
import org.formhaus.forms.DefinitionParser;
import org.formhaus.forms.FormDefinition;
import org.formhaus.onoffice.OnOfficeCredentials;
import org.formhaus.simulator.Simulator;
import org.formhaus.simulator.SimulatorServer;
import org.formhaus.simulator.SimulatorServlet;
import org.formhaus.storage.Account;
import org.formhaus.storage.AccountStore;
import org.formhaus.storage.FormKeyTakenException;
import org.formhaus.storage.FormStore;

/**
 * Sandbox mode: the onOffice simulator runs in the same process under {@code /sandbox/onoffice/}, and the first
 * account is pointed at it, so a demo or a quick start needs no onOffice account. Outside sandbox mode
 * ({@link #enabled()} false) it does nothing. One per application; thread-safe.
 */
final class Sandbox {

    static final String PATH = "/sandbox/onoffice";

    private final Simulator simulator;
    private final String token;
    private final String secret;
    /** The simulator's API endpoint, once the server knows its address. */
    private volatile String apiUrl;

    private Sandbox(Simulator simulator, String token, String secret) {
        this.simulator = simulator;
        this.token = token;
        this.secret = secret;
    }

    /** The simulator's API user takes its token and secret from the configuration, or fresh random ones. */
    static Sandbox of(SandboxConfig config) {
        if (!config.enabled()) {
            return new Sandbox(null, null, null);
        }
        String token = config.simulatorToken().orElseGet(() -> Secrets.randomToken(24));
        String secret = config.simulatorSecret().orElseGet(() -> Secrets.randomToken(48));
        return new Sandbox(Simulator.create(token, secret, Clock.systemUTC()), token, secret);
    }

    boolean enabled() {
        return simulator != null;
    }

    Simulator simulator() {
        return simulator;
    }

    SimulatorServlet servlet() {
        return new SimulatorServlet(simulator);
    }

    /** The simulator's API endpoint once connected, else onOffice's stable API. */
    String onOfficeApiUrl() {
        String url = apiUrl;
        return url != null ? url : OnOfficeCredentials.STABLE_URL;
    }

    /**
     * Points the first account at this simulator, reachable under {@code publicBase}; {@code base} is where the
     * server listens (for the console lines).
     */
    void connect(AccountStore accounts, String publicBase, String base, PrintStream console) throws SQLException {
        if (!enabled()) {
            return;
        }
        Account account = accounts.first().orElseThrow();
        String url = publicBase + PATH + "/api/stable/api.php";
        accounts.updateOnOffice(account.id(), url, token, secret, List.copyOf(simulator.assignedMailboxes()));
        apiUrl = base + PATH + "/api/stable/api.php"; // Formhaus calls itself: the address it listens on
        console.println("Sandbox: account '" + account.name() + "' uses the built-in onOffice simulator at " + url);
        console.println("         records: " + base + PATH + "/records/address   mails: " + base + PATH + "/mails");
    }

    /** Gives a sandbox account without forms the contract's example contact form, so there is something to fill in. */
    void seedExampleForm(AccountStore accounts, FormStore forms, String base, PrintStream console)
            throws SQLException, FormKeyTakenException {
        Account account = accounts.first().orElseThrow();
        if (enabled() && forms.list(account.id()).isEmpty()) {
            forms.save(account.id(), exampleForm());
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
