package org.formhaus.mapping;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import org.formhaus.forms.FormKind;
import org.formhaus.onoffice.ActionResult;
import org.formhaus.onoffice.Actions;
import org.formhaus.onoffice.OnOfficeRecord;

/**
 * The inquired estate's responsible agent, for tasks and appointments assigned to {@code "estate-agent"}: two reads in
 * stage one (the estate's {@code benutzer}, and the user list to name it), recorded as {@code agent.user}. Lookups:
 * when they fail, the task or appointment goes to nobody rather than failing the delivery. Stateless.
 */
final class AgentLookup {

    private AgentLookup() {
    }

    /** Whether the form's task or appointment is assigned to the estate's agent, so the lookup is needed. */
    static boolean wanted(MappingOptions options, FormKind kind) {
        String user = options.task() != null && options.task().user() != null ? options.task().user()
                : kind == FormKind.APPOINTMENT ? options.appointment().user() : null;
        return MappingOptions.ESTATE_AGENT.equals(user);
    }

    /** Two reads in stage one: the inquired estate's responsible user id, and the user list to name it. */
    static List<PlannedStep> steps(String estateId) {
        PlannedStep estate = new PlannedStep("agent.id",
                r -> Actions.readEstate(estateId, List.of("benutzer")),
                (result, stage) -> orEmpty(result.records().isEmpty() ? null : result.records().get(0).get("benutzer")),
                true, null);
        PlannedStep user = new PlannedStep("agent.user", r -> Actions.getUsers(), (result, stage) -> {
            ActionResult read = stage.get("agent.id");
            String userId = read == null || !read.ok() || read.records().isEmpty() ? null
                    : read.records().get(0).get("benutzer");
            for (OnOfficeRecord u : result.records()) {
                if (userId != null && (userId.equals(u.id()) || userId.equals(u.get("id")))) {
                    return orEmpty(u.get("username"));
                }
            }
            return "";
        }, true, null);
        return List.of(estate, user);
    }

    /**
     * For an appointment's subscriber, which onOffice wants as a user ID (task fields want the NAME): one read in stage
     * one, GET users, recorded as {@code agent.userid} = the id of the user named {@code userName} ("" when none).
     */
    static PlannedStep idOf(String userName) {
        return new PlannedStep(USER_ID, r -> Actions.getUsers(), (result, stage) -> {
            for (OnOfficeRecord u : result.records()) {
                if (userName.equals(u.get("username"))) {
                    String id = u.get("id") != null ? u.get("id") : u.id();
                    return orEmpty(id);
                }
            }
            return "";
        }, true, null);
    }

    /** The records key of {@link #idOf}. */
    static final String USER_ID = "agent.userid";

    /**
     * The user ID for an appointment's {@code subscribers.users}: the estate agent's ({@code agent.id}, the estate's
     * {@code benutzer}), else the fixed user's looked up by {@link #idOf}; null when there is none.
     */
    static Long userId(String configured, JsonObject records) {
        if (configured == null) {
            return null;
        }
        JsonElement id = records.get(configured.equals(MappingOptions.ESTATE_AGENT) ? "agent.id" : USER_ID);
        String s = id == null || id.isJsonNull() ? "" : id.getAsString().strip();
        return s.matches("\\d{1,18}") ? Long.valueOf(s) : null;
    }

    /** The user name for a task or appointment: a fixed name, the looked-up estate agent, or null. */
    static String user(String configured, JsonObject records) {
        if (configured == null) {
            return null;
        }
        if (!configured.equals(MappingOptions.ESTATE_AGENT)) {
            return configured;
        }
        JsonElement agent = records.get("agent.user");
        return agent == null || agent.getAsString().isEmpty() ? null : agent.getAsString();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
