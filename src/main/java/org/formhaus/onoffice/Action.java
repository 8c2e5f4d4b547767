package org.formhaus.onoffice;

import com.google.gson.JsonObject;

/**
 * One action of an onOffice request, before signing. {@code identifier} labels the action so that its result can be
 * matched when several actions travel in one request; {@code parameters} is sent as given (top-level keys sorted).
 *
 * <pre>{@code
 * JsonObject p = new JsonObject();
 * p.addProperty("checkDuplicate", true);
 * Action create = Action.of(ActionKind.CREATE, "address", "", "addr", p);
 * }</pre>
 */
public record Action(ActionKind kind, String resourceType, String resourceId, String identifier, JsonObject parameters) {

    public Action {
        if (kind == null) throw new IllegalArgumentException("The parameter 'kind' must not be null.");
        resourceType = resourceType == null ? "" : resourceType;
        resourceId = resourceId == null ? "" : resourceId;
        identifier = identifier == null ? "" : identifier;
        parameters = parameters == null ? new JsonObject() : parameters;
    }

    public static Action of(ActionKind kind, String resourceType, String resourceId, String identifier, JsonObject parameters) {
        return new Action(kind, resourceType, resourceId, identifier, parameters);
    }

    public static Action of(ActionKind kind, String resourceType, JsonObject parameters) {
        return new Action(kind, resourceType, "", "", parameters);
    }

    public Action withIdentifier(String newIdentifier) {
        return new Action(kind, resourceType, resourceId, newIdentifier, parameters);
    }
}
