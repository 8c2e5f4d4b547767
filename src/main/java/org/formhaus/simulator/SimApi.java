package org.formhaus.simulator;

import com.google.gson.JsonObject;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.formhaus.onoffice.ActionKind;

/**
 * Runs one signed-and-checked action against the simulated account: finds the resource that handles
 * {@code "<ACTION> <resourcetype>"} (one class per onOffice resource: {@link SimAddresses}, {@link SimEstates},
 * {@link SimSearch}, {@link SimSearchCriteria}, {@link SimRelations}, {@link SimActivities}, {@link SimMetadata},
 * {@link SimMail}, {@link SimMarketplace}, {@link SimFiles}, {@link SimPriceOffers}). Every handler checks rights
 * first (the operation's rights, then the rights of individual fields), then parameters, then whether records exist,
 * like a real server would. Not thread-safe: called under {@link Simulator}'s lock; lives as long as one {@link SimState}.
 */
final class SimApi {

    private final Map<String, SimAction> routes;
    private final SimMarketplace marketplace;
    private final SimFiles files;

    SimApi(SimState state, SimCatalogue catalogue, Clock clock) {
        SimContext context = new SimContext(state, catalogue, clock);
        this.marketplace = new SimMarketplace(context);
        this.files = new SimFiles(context);
        Map<String, SimAction> r = new HashMap<>();
        new SimAddresses(context).register(r);
        new SimEstates(context).register(r);
        new SimSearch(context).register(r);
        new SimSearchCriteria(context).register(r);
        new SimRelations(context).register(r);
        new SimActivities(context).register(r);
        new SimMetadata(context).register(r);
        new SimMail(context).register(r);
        new SimPriceOffers(context).register(r);
        marketplace.register(r);
        files.register(r);
        this.routes = Map.copyOf(r);
    }

    SimOutcome run(ActionKind kind, String type, String resourceId, JsonObject p) throws SimError {
        String key = kind.name() + " " + type;
        JsonObject parameters = marketplace.admit(key, p);
        SimAction action = routes.get(key);
        if (action == null) {
            throw new SimError(SimError.UNKNOWN_RESOURCE_TYPE, "Missing configuration for resourceType \"" + type + "\"");
        }
        return action.run(resourceId, parameters);
    }

    /** Forgets every temporary upload (uploadfile's first step), as if they had expired. */
    void expireUploads() {
        files.expireUploads();
    }
}
