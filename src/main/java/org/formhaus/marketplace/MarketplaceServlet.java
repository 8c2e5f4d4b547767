package org.formhaus.marketplace;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.formhaus.render.Templates;

/**
 * The onOffice Marketplace activation. {@code GET /marketplace/activate} is the iFrame URL onOffice opens: its
 * signature and timestamp are checked (else an error page), then the page asks for the API key and consent to the
 * privacy policy. {@code POST /marketplace/unlock} (from that page) completes it and answers the text
 * {@code active}, which the page hands to onOffice with {@code postMessage}. This servlet is the one place that maps
 * activation failures to HTTP: an HTML page for the GET, plain text for the POST.
 */
public final class MarketplaceServlet extends HttpServlet {

    private static final System.Logger LOG = System.getLogger(MarketplaceServlet.class.getName());
    private static final List<String> REQUIRED = List.of("apiToken", "apiClaim", "parameterCacheId", "customerWebId",
            "userId", "timestamp");

    private final Templates templates;
    private final Settings settings;
    private final ActivationState states;
    private final ProviderUnlock unlock;
    private final Clock clock;

    /**
     * @param providerSecret   the provider secret from joining the marketplace; empty turns activation off
     * @param publicUrl        the address onOffice calls (for the signature); empty: the request's own
     * @param frameAncestors   CSP frame-ancestors of the activation page (onOffice shows it in an iFrame)
     * @param privacyUrl       the provider's privacy policy, linked from the page; may be empty
     */
    public record Settings(String providerSecret, String publicUrl, Duration timestampWindow, String frameAncestors,
                           String privacyUrl) {
    }

    MarketplaceServlet(Templates templates, Settings settings, ActivationState states, ProviderUnlock unlock,
                       Clock clock) {
        this.templates = templates;
        this.settings = settings;
        this.states = states;
        this.unlock = unlock;
        this.clock = clock;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean german = german(request);
        if (!request.getServletPath().equals("/marketplace/activate")) {
            response.sendError(404);
            return;
        }
        try {
            Activation activation = verified(request);
            Map<String, Object> model = new HashMap<>();
            model.put("customerName", activation.customerName());
            model.put("state", states.issue(activation));
            model.put("unlockUrl", request.getContextPath() + "/marketplace/unlock");
            model.put("privacyUrl", settings.privacyUrl());
            page(request, response, german, 200, "marketplace/activate.ftlh", model);
        } catch (ActivationException e) {
            page(request, response, german, e.status(), "marketplace/error.ftlh", Map.of("message", e.getMessage()));
        } catch (Exception e) {
            page(request, response, german, 500, "marketplace/error.ftlh",
                    Map.of("message", "Internal error (ref " + logged(request, e) + ")"));
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.getServletPath().equals("/marketplace/unlock")) {
            response.sendError(405);
            return;
        }
        try {
            Activation activation = states.verify(request.getParameter("state")).orElseThrow(() ->
                    new ActivationException(400, "state: missing or expired. Please start the activation again from "
                            + "the onOffice Marketplace."));
            // onOffice's example page posts these too; if present they must be the ones onOffice signed.
            sameAsSigned(request, "token", activation.apiToken());
            sameAsSigned(request, "parameterCacheId", activation.parameterCacheId());
            sameAsSigned(request, "extendedClaim", activation.apiClaim());
            String apiKey = request.getParameter("secret") == null ? "" : request.getParameter("secret").strip();
            if (apiKey.isEmpty()) {
                throw new ActivationException(400, "secret: please paste the API key shown in onOffice.");
            }
            long account = unlock.unlock(activation, apiKey);
            LOG.log(Level.INFO, "Marketplace activation of customer " + activation.customerWebId() + " → account "
                    + account);
            text(response, 200, "active");
        } catch (ActivationException e) {
            text(response, e.status(), e.getMessage());
        } catch (Exception e) {
            text(response, 500, "Internal error (ref " + logged(request, e) + ")");
        }
    }

    /** The activation of a genuine, fresh, complete onOffice URL. */
    private Activation verified(HttpServletRequest request) throws ActivationException {
        if (settings.providerSecret().isEmpty()) {
            throw new ActivationException(404, "Marketplace activation is not configured on this Formhaus instance "
                    + "(marketplace.provider.secret).");
        }
        String query = request.getQueryString() == null ? "" : request.getQueryString();
        if (!ActivationSignature.matches(calledUrl(request), query, settings.providerSecret())) {
            throw new ActivationException(403, "This activation link is not valid: its signature does not match. "
                    + "Please open the activation again from the onOffice Marketplace.");
        }
        Map<String, String> params = ActivationSignature.parameters(query);
        for (String name : REQUIRED) {
            if (params.getOrDefault(name, "").isBlank()) {
                throw new ActivationException(400, "This activation link lacks the parameter '" + name + "'.");
            }
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(params.get("timestamp").strip());
        } catch (NumberFormatException e) {
            throw new ActivationException(400, "This activation link has an invalid timestamp.");
        }
        if (Math.abs(clock.millis() / 1000 - timestamp) > settings.timestampWindow().toSeconds()) {
            throw new ActivationException(403, "This activation link has expired. Please open the activation again "
                    + "from the onOffice Marketplace.");
        }
        return new Activation(params.get("apiToken"), params.get("apiClaim"), params.get("parameterCacheId"),
                params.get("customerWebId"), params.getOrDefault("customerName", ""), params.get("userId"));
    }

    /**
     * {@code scheme://host[:port]/path} as onOffice called it: from {@code public.url} when set (behind a proxy the
     * request's own scheme and host differ), else from the request; the port only when the Host header names one.
     */
    private String calledUrl(HttpServletRequest request) {
        if (!settings.publicUrl().isEmpty()) {
            return settings.publicUrl().replaceAll("/+$", "") + request.getRequestURI();
        }
        String host = request.getHeader("Host") == null ? request.getServerName() : request.getHeader("Host");
        return request.getScheme() + "://" + host + request.getRequestURI();
    }

    private static void sameAsSigned(HttpServletRequest request, String name, String signed)
            throws ActivationException {
        String sent = request.getParameter(name);
        if (sent != null && !sent.equals(signed)) {
            throw new ActivationException(400, name + ": does not match the activation onOffice signed.");
        }
    }

    private void page(HttpServletRequest request, HttpServletResponse response, boolean german, int status,
                      String template, Map<String, Object> model) throws IOException {
        Map<String, Object> all = new HashMap<>(model);
        all.put("lang", german ? "de" : "en");
        all.put("ctx", request.getContextPath());
        String html = templates.render(template, all);
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        // The URL carries the customer's token and claim: never pass it on as a referrer.
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; "
                + "form-action 'self'; base-uri 'none'; frame-ancestors " + settings.frameAncestors());
        response.getWriter().write(html);
    }

    private static void text(HttpServletResponse response, int status, String body) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(body);
    }

    private static boolean german(HttpServletRequest request) {
        String accept = request.getHeader("Accept-Language");
        return accept == null || accept.strip().toLowerCase(java.util.Locale.ROOT).startsWith("de");
    }

    private static String logged(HttpServletRequest request, Exception e) {
        String ref = UUID.randomUUID().toString().substring(0, 8);
        // The request URI only: the query string carries the customer's token and claim.
        LOG.log(Level.ERROR, "Failure [" + ref + "] on " + request.getMethod() + " " + request.getRequestURI(), e);
        return ref;
    }
}
