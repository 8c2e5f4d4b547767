package org.formhaus.admin;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.formhaus.audit.SecurityEventKind;
import org.formhaus.audit.SecurityLog;
import org.formhaus.forms.DefinitionException;
import org.formhaus.forms.DefinitionParser;
import org.formhaus.forms.FormDefinition;
import org.formhaus.http.HttpProblem;
import org.formhaus.storage.FormGroupStore;
import org.formhaus.storage.FormKeyTakenException;
import org.formhaus.storage.FormStore;
import org.formhaus.storage.MemberStore;
import org.formhaus.storage.Role;
import org.formhaus.storage.StoredForm;

/**
 * Copies forms from one account to another that the same user belongs to (a consultant reusing an agency's forms).
 * Each copy is checked as saving it in the target account would be ({@link FormSaveCheck}: its mapping against that
 * account's onOffice fields, its options, templates): a form that does not fit is not copied and its problems are
 * reported. Form keys are unique over the instance, so a copy gets the first free key {@code key-2}, {@code key-3},
 * ... A whole group can be copied: its forms are checked and copied as any, and the copies land in the target
 * account's group of the same name (made when it has none). Thread-safe; one per application.
 */
public final class FormCopy {

    /** What happened to one form: copied under {@code newKey}, or refused with {@code problems}. */
    public record Outcome(String key, String title, String newKey, List<String> problems) {
        public boolean fits() {
            return problems.isEmpty();
        }
    }

    private final FormStore forms;
    private final MemberStore members;
    private final FormSaveCheck check;
    private final SecurityLog log;
    private final FormGroupStore groups;
    private final DefinitionParser parser = new DefinitionParser();

    public FormCopy(FormStore forms, MemberStore members, FormSaveCheck check, SecurityLog log,
            FormGroupStore groups) {
        this.groups = groups;
        this.forms = forms;
        this.members = members;
        this.check = check;
        this.log = log;
    }

    /**
     * Checks, and unless {@code dryRun} copies, the {@code from} account's forms {@code keys} to account {@code to}.
     *
     * @throws HttpProblem 404 for a target account the user does not belong to or a form of another account, 403
     *                     when the user's role there is below editor, 400 for no forms or the same account
     */
    public List<Outcome> copy(long userId, long from, long to, List<String> keys, boolean dryRun) throws Exception {
        return copy(userId, from, to, keys, null, dryRun);
    }

    /**
     * As {@link #copy(long, long, long, List, boolean)}, plus the forms of the {@code from} account's group
     * {@code groupId} (null: none); the copies of those land in the target's group of the same name.
     *
     * @throws HttpProblem also 404 for a group of another account
     */
    public List<Outcome> copy(long userId, long from, long to, List<String> keys, Long groupId, boolean dryRun)
            throws Exception {
        Role role = members.roleOf(to, userId).orElseThrow(() -> HttpProblem.notFound("Account " + to));
        if (!role.covers(Role.EDITOR)) {
            throw new HttpProblem(403, "toAccount: your role there (" + role + ") may not create forms; it needs editor");
        }
        if (to == from) {
            throw HttpProblem.badRequest("toAccount: the forms are in this account already");
        }
        FormGroupStore.Group group = null;
        if (groupId != null) {
            group = groups.find(from, groupId).orElseThrow(() -> HttpProblem.notFound("Group " + groupId));
            List<String> live = new ArrayList<>();
            for (String key : group.forms()) {
                if (forms.current(key).isPresent()) { // an archived form of the group stays behind
                    live.add(key);
                }
            }
            keys = java.util.stream.Stream.concat(keys.stream(), live.stream()).distinct().toList();
        }
        if (keys.isEmpty()) {
            throw HttpProblem.badRequest("forms: name at least one form (or a group that has forms)");
        }
        List<StoredForm> sources = new ArrayList<>();
        for (String key : keys) {
            sources.add(forms.current(key).filter(f -> f.accountId() == from)
                    .orElseThrow(() -> HttpProblem.notFound("Form '" + key + "'")));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (StoredForm source : sources) {
            outcomes.add(copyOne(source, to, dryRun));
        }
        if (group != null && !dryRun) {
            intoGroup(to, group, outcomes);
        }
        List<String> copied = outcomes.stream().filter(o -> o.fits() && !dryRun)
                .map(o -> o.key() + " → " + o.newKey()).toList();
        if (!copied.isEmpty()) {
            String detail = "account " + from + " → account " + to + ": " + String.join(", ", copied);
            log.record(from, userId, SecurityEventKind.FORMS_COPIED, detail);
            log.record(to, userId, SecurityEventKind.FORMS_COPIED, detail);
        }
        return outcomes;
    }

    /** Puts the copies of the group's forms into the target's group of the same name. */
    private void intoGroup(long to, FormGroupStore.Group group, List<Outcome> outcomes) throws Exception {
        List<Outcome> copies = outcomes.stream().filter(o -> o.fits() && group.forms().contains(o.key())).toList();
        if (copies.isEmpty()) {
            return;
        }
        FormGroupStore.Group target;
        try {
            target = groups.findByName(to, group.name()).isPresent() ? groups.findByName(to, group.name()).get()
                    : groups.create(to, group.name());
        } catch (FormGroupStore.NameTakenException madeMeanwhile) {
            target = groups.findByName(to, group.name()).orElseThrow();
        }
        for (Outcome copy : copies) {
            groups.put(to, target.id(), copy.newKey());
        }
    }

    private Outcome copyOne(StoredForm source, long to, boolean dryRun) throws Exception {
        String title = Optional.ofNullable(source.definition().title()).orElse(source.key());
        for (int n = 2; ; n++) {
            String newKey = source.key() + "-" + n;
            if (forms.current(newKey).isPresent()) {
                continue;
            }
            JsonObject json = source.definition().source().deepCopy();
            json.addProperty("key", newKey);
            FormDefinition definition;
            try {
                definition = parser.parse(json);
            } catch (DefinitionException e) {
                return new Outcome(source.key(), title, newKey, e.problems().stream().map(Object::toString).toList());
            }
            List<String> problems = check.problems(to, definition).stream()
                    .map(DefinitionException.Problem::toString).toList();
            if (!problems.isEmpty() || dryRun) {
                return new Outcome(source.key(), title, newKey, problems);
            }
            try {
                forms.save(to, definition);
                return new Outcome(source.key(), title, newKey, List.of());
            } catch (FormKeyTakenException takenMeanwhile) {
                // Someone took the key between the look and the save: try the next one.
            }
        }
    }

    /** The outcomes as the API answers them. */
    static com.google.gson.JsonArray json(List<Outcome> outcomes, boolean dryRun) {
        com.google.gson.JsonArray list = new com.google.gson.JsonArray();
        for (Outcome o : outcomes) {
            JsonObject json = new JsonObject();
            json.addProperty("form", o.key());
            json.addProperty("newKey", o.newKey());
            json.addProperty("copied", o.fits() && !dryRun);
            json.add("problems", org.formhaus.http.Json.GSON.toJsonTree(o.problems()));
            list.add(json);
        }
        return list;
    }
}
