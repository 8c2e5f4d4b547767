package org.formhaus.simulator;

import static org.formhaus.simulator.SimJson.str;

import com.google.gson.JsonObject;
import java.util.Map;

/**
 * The Marketplace side of the API user: DO unlockProvider turns it into a marketplace API user, after which every
 * other action needs a known {@code extendedclaim}. Not thread-safe: called under {@link Simulator}'s lock.
 */
final class SimMarketplace {

    static final String UNLOCK = "DO unlockProvider";

    private final SimContext c;

    SimMarketplace(SimContext context) {
        this.c = context;
    }

    void register(Map<String, SimAction> routes) {
        routes.put(UNLOCK, (id, p) -> unlockProvider(p));
    }

    /**
     * The parameters an action's handler sees: for a marketplace API user, the claim must be valid and is then taken
     * out (it belongs to the envelope's parameters, not to the action's own). unlockProvider sees its claim.
     */
    JsonObject admit(String action, JsonObject p) throws SimError {
        if (action.equals(UNLOCK)) {
            return p;
        }
        if (c.s.marketplace && !c.s.validClaims.contains(str(p, "extendedclaim"))) {
            throw SimError.extendedClaim();
        }
        JsonObject own = p.deepCopy();
        own.remove("extendedclaim");
        return own;
    }

    private SimOutcome unlockProvider(JsonObject p) throws SimError {
        if (str(p, "parameterCacheId") == null) throw SimError.missingParameter("parameterCacheId");
        String claim = str(p, "extendedclaim");
        if (claim == null || claim.isBlank()) {
            throw SimError.extendedClaim();
        }
        // From now on this API user is the customer's marketplace API user: every call needs a claim. onOffice
        // announced that the unlock-time claim will become valid for the unlock only; today it still works.
        c.s.marketplace = true;
        c.s.validClaims.add(claim);
        return SimOutcome.success();
    }
}
