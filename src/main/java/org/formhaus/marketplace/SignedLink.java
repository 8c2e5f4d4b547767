package org.formhaus.marketplace;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Checks a URL onOffice opened at this provider (the activation iFrame, a service call from inside onOffice): the
 * {@link ActivationSignature} with the provider secret, the required parameters, and that {@code timestamp} is
 * within the window. One check for every signed call, so that all of them are held to the same rules. Immutable
 * and thread-safe.
 */
final class SignedLink {

    private final String providerSecret;
    private final String publicUrl;
    private final Duration window;
    private final Clock clock;

    /**
     * @param providerSecret empty: the Marketplace is off, every link is refused with 404
     * @param publicUrl      the address onOffice calls (the signature covers it); empty: the request's own
     */
    SignedLink(String providerSecret, String publicUrl, Duration window, Clock clock) {
        this.providerSecret = providerSecret;
        this.publicUrl = publicUrl;
        this.window = window;
        this.clock = clock;
    }

    /** The decoded parameters of a genuine, fresh link that has every one of {@code required}. */
    Map<String, String> verify(HttpServletRequest request, List<String> required) throws ActivationException {
        if (providerSecret.isEmpty()) {
            throw new ActivationException(404, "The onOffice Marketplace is not configured on this Formhaus instance "
                    + "(marketplace.provider.secret).");
        }
        String query = request.getQueryString() == null ? "" : request.getQueryString();
        if (!ActivationSignature.matches(calledUrl(request), query, providerSecret)) {
            throw new ActivationException(403, "This link is not valid: its signature does not match. "
                    + "Please open it again from onOffice.");
        }
        Map<String, String> params = ActivationSignature.parameters(query);
        for (String name : required) {
            if (params.getOrDefault(name, "").isBlank()) {
                throw new ActivationException(400, "This link lacks the parameter '" + name + "'.");
            }
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(params.getOrDefault("timestamp", "").strip());
        } catch (NumberFormatException e) {
            throw new ActivationException(400, "This link has an invalid timestamp.");
        }
        if (Math.abs(clock.millis() / 1000 - timestamp) > window.toSeconds()) {
            throw new ActivationException(403, "This link has expired. Please open it again from onOffice.");
        }
        return params;
    }

    /** How long a link stays valid: a used one must be remembered at least that long (both directions of skew). */
    Duration window() {
        return window;
    }

    /**
     * {@code scheme://host[:port]/path} as onOffice called it: from {@code public.url} when set (behind a proxy the
     * request's own scheme and host differ), else from the request; the port only when the Host header names one.
     */
    private String calledUrl(HttpServletRequest request) {
        if (!publicUrl.isEmpty()) {
            return publicUrl.replaceAll("/+$", "") + request.getRequestURI();
        }
        String host = request.getHeader("Host") == null ? request.getServerName() : request.getHeader("Host");
        return request.getScheme() + "://" + host + request.getRequestURI();
    }
}
