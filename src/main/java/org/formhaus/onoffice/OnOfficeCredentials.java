package org.formhaus.onoffice;

/**
 * Where and as whom to call onOffice: the endpoint URL, an API user's token and secret, and, for an account activated
 * in the onOffice Marketplace, the latest {@code apiClaim} of its users. onOffice wants that claim as
 * {@code extendedclaim} in the parameters of every action of a marketplace API user; the client adds it (empty = a
 * plain API user, nothing added). {@link #toString()} never shows the secret or the claim and only the first
 * characters of the token.
 */
public record OnOfficeCredentials(String url, String token, String secret, String claim) {

    public static final String STABLE_URL = "https://api.onoffice.de/api/stable/api.php";

    public OnOfficeCredentials {
        url = url == null || url.isBlank() ? STABLE_URL : url.strip();
        token = token == null ? "" : token.strip();
        secret = secret == null ? "" : secret.strip();
        claim = claim == null ? "" : claim.strip();
    }

    /** Credentials of a plain API user: no marketplace claim. */
    public OnOfficeCredentials(String url, String token, String secret) {
        this(url, token, secret, "");
    }

    public boolean complete() {
        return !token.isEmpty() && !secret.isEmpty();
    }

    /** Whether every action must carry {@code extendedclaim} (the account came from the Marketplace). */
    public boolean hasClaim() {
        return !claim.isEmpty();
    }

    @Override
    public String toString() {
        String shown = token.length() > 4 ? token.substring(0, 4) + "…" : "…";
        return "OnOfficeCredentials[url=" + url + ", token=" + shown + ", secret=***"
                + (hasClaim() ? ", claim=***" : "") + "]";
    }
}
