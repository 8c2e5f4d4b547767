package org.formhaus.onoffice;

/**
 * Where and as whom to call onOffice: the endpoint URL and an API user's token and secret.
 * {@link #toString()} never shows the secret and only the first characters of the token.
 */
public record OnOfficeCredentials(String url, String token, String secret) {

    public static final String STABLE_URL = "https://api.onoffice.de/api/stable/api.php";

    public OnOfficeCredentials {
        url = url == null || url.isBlank() ? STABLE_URL : url.strip();
        token = token == null ? "" : token.strip();
        secret = secret == null ? "" : secret.strip();
    }

    public boolean complete() {
        return !token.isEmpty() && !secret.isEmpty();
    }

    @Override
    public String toString() {
        String shown = token.length() > 4 ? token.substring(0, 4) + "…" : "…";
        return "OnOfficeCredentials[url=" + url + ", token=" + shown + ", secret=***]";
    }
}
