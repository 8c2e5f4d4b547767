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
import org.formhaus.http.HttpProblem;
import org.formhaus.render.Templates;

/**
 * The onOffice Marketplace activation. {@code GET /marketplace/activate} is the iFrame URL onOffice opens: its
 * signature and timestamp are checked (else an error page), then the page asks for the API key and consent to the
 * privacy policy. {@code POST /marketplace/unlock} (from that page) completes it and answers the text
 * {@code active}, which the page hands to onOffice with {@code postMessage}. Failures are worded by
 * {@link org.formhaus.http.ErrorReplies}: shown as an HTML page for the GET, plain text for the POST.
 */
public final class MarketplaceServlet extends HttpServlet {

    private static final System.Logger LOG = System.getLogger(MarketplaceServlet.class.getName());
    private static final List<String> REQUIRED = List.of("apiToken", "apiClaim", "parameterCacheId", "customerWebId",
            "userId", "timestamp");

    private final MarketplacePages pages;
    private final Settings settings;
    private final SignedLink links;
    private final ActivationState states;
    private final ProviderUnlock unlock;

    /**
     * @param providerSecret   the provider secret from joining the marketplace; empty turns activation off
     * @param publicUrl        the address onOffice calls (for the signature); empty: the request's own
     * @param frameAncestors   CSP frame-ancestors of the activation page (onOffice shows it in an iFrame)
     * @param privacyUrl       the provider's privacy policy, linked from the page; may be empty
     */
    public record Settings(String providerSecret, String publicUrl, Duration timestampWindow, String frameAncestors,
                           String privacyUrl) {
    }

    MarketplaceServlet(Templates templates, Settings settings, SignedLink links, ActivationState states,
                       ProviderUnlock unlock) {
        this.pages = new MarketplacePages(templates, settings.frameAncestors());
        this.settings = settings;
        this.links = links;
        this.states = states;
        this.unlock = unlock;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            if (!request.getServletPath().equals("/marketplace/activate")) {
                throw HttpProblem.notFound("Page");
            }
            Activation activation = verified(request);
            Map<String, Object> model = new HashMap<>();
            model.put("customerName", activation.customerName());
            model.put("state", states.issue(activation));
            model.put("unlockUrl", request.getContextPath() + "/marketplace/unlock");
            model.put("privacyUrl", settings.privacyUrl());
            pages.page(request, response, 200, "marketplace/activate.ftlh", model);
        } catch (Exception e) {
            pages.error(request, response, "activation", e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            if (!request.getServletPath().equals("/marketplace/unlock")) {
                throw new HttpProblem(405, "Method POST not allowed");
            }
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
            MarketplacePages.text(response, 200, "active");
        } catch (Exception e) {
            MarketplacePages.textError(request, response, e);
        }
    }

    /** The activation of a genuine, fresh, complete onOffice URL. */
    private Activation verified(HttpServletRequest request) throws ActivationException {
        Map<String, String> params = links.verify(request, REQUIRED);
        return new Activation(params.get("apiToken"), params.get("apiClaim"), params.get("parameterCacheId"),
                params.get("customerWebId"), params.getOrDefault("customerName", ""), params.get("userId"));
    }

    private static void sameAsSigned(HttpServletRequest request, String name, String signed)
            throws ActivationException {
        String sent = request.getParameter(name);
        if (sent != null && !sent.equals(signed)) {
            throw new ActivationException(400, name + ": does not match the activation onOffice signed.");
        }
    }
}
