package org.formhaus.config;

import java.util.Optional;

/**
 * The HTTP side: {@code http.port} of the standalone server, {@code http.forwarded} (client address from a reverse
 * proxy's headers) and {@code public.url}, the address visitors reach Formhaus under (empty: not configured).
 * Immutable.
 */
public record HttpConfig(int port, boolean forwarded, String publicUrl) {

    static HttpConfig read(Keys keys) {
        String publicUrl = keys.string("public.url");
        if (!publicUrl.isEmpty() && !publicUrl.matches("https?://[^/\\s]+(/\\S*)?")) {
            throw new ConfigException("public.url must be an http:// or https:// address, is '" + publicUrl + "'");
        }
        return new HttpConfig(keys.number("http.port", 0, 65535), keys.bool("http.forwarded"),
                publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl);
    }

    /** {@code public.url} when set. */
    public Optional<String> configuredPublicUrl() {
        return publicUrl.isEmpty() ? Optional.empty() : Optional.of(publicUrl);
    }
}
