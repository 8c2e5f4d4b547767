package org.formhaus;

import jakarta.servlet.ServletContext;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import javax.naming.Binding;
import javax.naming.Context;
import javax.naming.InitialContext;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;

/**
 * Formhaus's settings as a servlet container offers them, gathered into one map named like environment variables
 * ({@code db.url} → {@code FORMHAUS_DB_URL}), which {@code AppConfig} and the first start read as the environment.
 * Sources, weakest first:
 * <ol>
 *   <li>context parameters {@code formhaus.<key>} (web.xml, Tomcat's {@code <Parameter>} in context.xml, Jetty's
 *       {@code <Set name="initParameter">}): the deployment's own defaults;</li>
 *   <li>JNDI environment entries {@code java:comp/env/formhaus/<key>} (Tomcat's {@code <Environment>}, Jetty's
 *       {@code EnvEntry}), when the container offers JNDI;</li>
 *   <li>the environment, {@code FORMHAUS_*};</li>
 *   <li>Java system properties {@code formhaus.<key>} ({@code -Dformhaus.db.url=...}): this JVM's launch wins.</li>
 * </ol>
 * The context parameter {@code formhaus.config} names the configuration file ({@code FORMHAUS_CONFIG}); other
 * names such as {@code formhaus.admin.token} become {@code FORMHAUS_ADMIN_TOKEN}. Built once per deployment.
 */
final class ContainerSettings {

    private static final String PREFIX = "formhaus.";
    private static final String JNDI = "java:comp/env/formhaus";

    private ContainerSettings() {
    }

    /** Every source above, merged. */
    static Map<String, String> of(ServletContext context) {
        Map<String, String> merged = new HashMap<>();
        for (String name : Collections.list(context.getInitParameterNames())) {
            put(merged, name, context.getInitParameter(name));
        }
        jndi().forEach((key, value) -> merged.put(envName(key), value));
        merged.putAll(System.getenv());
        Properties system = System.getProperties();
        for (String name : system.stringPropertyNames()) {
            put(merged, name, system.getProperty(name));
        }
        return Map.copyOf(merged);
    }

    private static void put(Map<String, String> merged, String name, String value) {
        if (name.startsWith(PREFIX) && name.length() > PREFIX.length() && value != null) {
            merged.put(envName(name.substring(PREFIX.length())), value);
        }
    }

    /** {@code db.url} → {@code FORMHAUS_DB_URL}. */
    static String envName(String key) {
        return "FORMHAUS_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    /** The entries under {@code java:comp/env/formhaus}; none when the container has no JNDI or no such entries. */
    private static Map<String, String> jndi() {
        Map<String, String> found = new HashMap<>();
        try {
            Context context = (Context) new InitialContext().lookup(JNDI);
            NamingEnumeration<Binding> bindings = context.listBindings("");
            while (bindings.hasMore()) {
                Binding binding = bindings.next();
                if (binding.getObject() != null) {
                    found.put(binding.getName(), binding.getObject().toString());
                }
            }
        } catch (NamingException | ClassCastException e) {
            // No JNDI in this container, or nothing configured there: the other sources apply.
        }
        return found;
    }
}
