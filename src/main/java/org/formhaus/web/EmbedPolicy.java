package org.formhaus.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.regex.Pattern;
import org.formhaus.http.ResponseHardening;
import org.formhaus.storage.AccountStore;

/**
 * Which sites may frame an account's forms. The account's {@code allowedOrigins} become the CSP
 * {@code frame-ancestors} of every form page, so browsers refuse the form anywhere else; an empty list allows every
 * site (a new account's forms embed at once; listing one origin locks the rest out). The parent origin that
 * embed.js announces ({@code fh_parent}) is only echoed to the page, as the one target of its resize messages, when
 * it is a well-formed origin the account allows. Thread-safe; reads the store's short-lived cache.
 */
final class EmbedPolicy {

    private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.\\-\\[\\]:]{1,260}");

    private final AccountStore accounts;

    EmbedPolicy(AccountStore accounts) {
        this.accounts = accounts;
    }

    /**
     * Two policies, both enforced: who may frame the page (replacing {@link ResponseHardening}'s
     * {@code frame-ancestors 'none'}), and where scripts may come from, as on every page.
     */
    void frameHeaders(long accountId, HttpServletResponse response) {
        List<String> origins = accounts.cachedAllowedOrigins(accountId);
        response.setHeader("Content-Security-Policy", "frame-ancestors "
                + (origins.isEmpty() ? "*" : "'self' " + String.join(" ", origins)));
        response.addHeader("Content-Security-Policy", ResponseHardening.SCRIPTS);
    }

    /** The announced parent origin when it may embed the account's forms, else null. */
    String allowedParent(long accountId, String parent) {
        if (parent == null || !ORIGIN.matcher(parent).matches()) {
            return null;
        }
        List<String> origins = accounts.cachedAllowedOrigins(accountId);
        return origins.isEmpty() || origins.contains(parent) ? parent : null;
    }
}
