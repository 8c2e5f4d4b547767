package org.formhaus.onoffice;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The hosts Formhaus may send onOffice requests to (signed actions carrying the API user's token): onOffice's API host
 * {@code api.onoffice.de} over HTTPS, plus hosts the operator allows ({@code onoffice.hosts}: {@code host} for any
 * port of that host, {@code host:port} for one port, IPv6 in brackets). Anything else is refused before a connection
 * is made, so a tenant cannot point Formhaus at internal services. Hosts are matched by name as written in the URL,
 * without resolving them. Immutable and thread-safe.
 *
 * <pre>{@code
 * OnOfficeHosts hosts = OnOfficeHosts.parse("onoffice-proxy.internal:8443, 127.0.0.1");
 * hosts.allows(URI.create("https://api.onoffice.de/api/stable/api.php"));   // true
 * hosts.allows(URI.create("http://169.254.169.254/latest/meta-data"));       // false
 * }</pre>
 */
public final class OnOfficeHosts {

    /** onOffice's API host; its stable and latest endpoints live there. */
    public static final String ONOFFICE_API_HOST = "api.onoffice.de";
    private static final int ANY_PORT = -1;

    /** One allowed host; {@code httpsOnly} for onOffice's own, which answers on HTTPS only. */
    private record Rule(String host, int port, boolean httpsOnly) {
        boolean matches(String scheme, String host, int port) {
            return this.host.equals(host) && (this.port == ANY_PORT || this.port == port)
                    && (!httpsOnly || scheme.equals("https"));
        }

        @Override
        public String toString() {
            return port == ANY_PORT ? host : host + ":" + port;
        }
    }

    private final List<Rule> rules;

    private OnOfficeHosts(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** onOffice's API host over HTTPS only. */
    public static OnOfficeHosts onOfficeOnly() {
        return new OnOfficeHosts(List.of(new Rule(ONOFFICE_API_HOST, 443, true)));
    }

    /**
     * onOffice's API host plus a comma-separated list of {@code host} or {@code host:port} entries (blank: none).
     *
     * @throws IllegalArgumentException naming the first entry that is not a host or host:port
     */
    public static OnOfficeHosts parse(String commaSeparated) {
        List<Rule> rules = new ArrayList<>(onOfficeOnly().rules);
        for (String entry : commaSeparated == null ? new String[0] : commaSeparated.split(",")) {
            if (!entry.isBlank()) {
                rules.add(rule(entry.strip()));
            }
        }
        return new OnOfficeHosts(rules);
    }

    /** A copy that also allows the host and port of {@code base} (the in-process simulator in sandbox mode). */
    public OnOfficeHosts plus(URI base) {
        List<Rule> more = new ArrayList<>(rules);
        more.add(new Rule(host(base), port(base), false));
        return new OnOfficeHosts(more);
    }

    /** Whether a request to {@code url} may be sent: an http(s) URL on an allowed host and port. */
    public boolean allows(URI url) {
        if (url == null || url.getHost() == null || url.getScheme() == null) {
            return false;
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return false;
        }
        String host = host(url);
        int port = port(url);
        return rules.stream().anyMatch(rule -> rule.matches(scheme, host, port));
    }

    /** Like {@link #allows(URI)}; false for text that is no URL. */
    public boolean allows(String url) {
        try {
            return allows(URI.create(url));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Rule rule(String entry) {
        String text = entry.toLowerCase(Locale.ROOT);
        String host = text;
        int port = ANY_PORT;
        int colon = text.lastIndexOf(':');
        if (colon > 0 && (text.charAt(0) != '[' || text.charAt(colon - 1) == ']')) {
            host = text.substring(0, colon);
            try {
                port = Integer.parseInt(text.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = 0;
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("'" + entry + "' has no port between 1 and 65535");
            }
        }
        boolean name = host.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\\.?");
        boolean ipv6 = host.matches("\\[[0-9a-f:.]+\\]");
        if (!name && !ipv6) {
            throw new IllegalArgumentException("'" + entry + "' is not a host or host:port (like api.example.com, "
                    + "10.0.0.5:8443 or [::1]:8080)");
        }
        return new Rule(stripDot(host), port, false);
    }

    private static String host(URI url) {
        return stripDot(url.getHost().toLowerCase(Locale.ROOT));
    }

    private static int port(URI url) {
        if (url.getPort() != -1) {
            return url.getPort();
        }
        return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    private static String stripDot(String host) {
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    @Override
    public String toString() {
        return "OnOfficeHosts" + rules;
    }
}
