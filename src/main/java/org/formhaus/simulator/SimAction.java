package org.formhaus.simulator;

import com.google.gson.JsonObject;

/** One action of the simulated API, e.g. {@code CREATE address}: resource id and parameters in, records out. */
@FunctionalInterface
interface SimAction {

    SimOutcome run(String resourceId, JsonObject parameters) throws SimError;
}
