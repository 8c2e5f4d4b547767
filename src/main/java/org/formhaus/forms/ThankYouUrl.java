package org.formhaus.forms;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rule for a form's {@code thankYouUrl}, where a browser is sent after submitting: an absolute {@code https://}
 * or {@code http://} address with a host, or a path on the same site starting with a single {@code /}. Anything
 * else could run script or leave the site unseen: {@code javascript:} and {@code data:} URLs, and
 * {@code //evil.example} or {@code /\evil.example}, which browsers read as another host. Checked when a definition
 * is saved ({@link #check}), and again before redirecting ({@link #allowed}), since a definition stored before the
 * rule may hold anything (it still loads; its visitors get the built-in thank-you page). Stateless.
 */
public final class ThankYouUrl {

    static final int MAX_LENGTH = 2000;
    /** No whitespace or control characters anywhere: browsers strip some of them and read the rest differently. */
    private static final Pattern PRINTABLE = Pattern.compile("[\\x21-\\x7e\\u00a0-\\uffff]+");

    private ThankYouUrl() {
    }

    /** Why {@code url} may not be a thank-you URL, or null when it may (null and blank mean the built-in page). */
    public static String problem(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        url = Macros.withoutMacros(url); // {{field}} is filled in percent-encoded when the visitor is sent there
        if (url.length() > MAX_LENGTH || !PRINTABLE.matcher(url).matches() || url.contains("\\")) {
            return "must be an https:// or http:// address or a path starting with /, without spaces or backslashes, "
                    + "at most " + MAX_LENGTH + " characters";
        }
        if (url.startsWith("/")) {
            return url.startsWith("//") ? "must not start with // (that is another site); use https://host/path"
                    : null;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) {
                return "must be an https:// or http:// address or a path starting with /";
            }
            if (uri.getHost() == null || uri.getRawUserInfo() != null) {
                return "must name a host, and no user name or password";
            }
            return null;
        } catch (URISyntaxException e) {
            return "is not a valid address: " + e.getReason();
        }
    }

    /** The definition's problem with the rule, named by its key, as a save refuses it with 400. */
    public static List<DefinitionException.Problem> check(FormDefinition definition) {
        String problem = problem(definition.thankYouUrl());
        return problem == null ? List.of() : List.of(new DefinitionException.Problem("thankYouUrl", problem));
    }

    /** Whether a browser may be sent to {@code url}. */
    public static boolean allowed(String url) {
        return url != null && !url.isBlank() && problem(url) == null;
    }
}
