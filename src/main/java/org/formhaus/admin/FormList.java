package org.formhaus.admin;

import com.google.gson.JsonObject;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.formhaus.storage.FormDrafts;
import org.formhaus.storage.FormStore;
import org.formhaus.storage.StoredForm;

/**
 * The account's forms as the form list shows them: each with its status (live, archived, or a draft never published),
 * whether a draft awaits publishing, and its title and kind (the draft's where the form has one). Stateless; built per
 * request from the stores.
 */
public final class FormList {

    /** Where a form stands: visitors get it, it was archived, or it was never published. */
    public enum Status {
        LIVE, ARCHIVED, DRAFT;

        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One form of the list; {@code liveVersion} 0 when never published. */
    public record Entry(String key, String title, String kind, Status status, int liveVersion, boolean draftPending,
                       long updatedMs) {

        /** Whether {@code query} (any case) is in the key or the title; a blank query matches every form. */
        public boolean matches(String query) {
            String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
            return q.isEmpty() || key.toLowerCase(Locale.ROOT).contains(q) || title.toLowerCase(Locale.ROOT).contains(q);
        }

        public JsonObject toJson() {
            JsonObject json = new JsonObject();
            json.addProperty("key", key);
            json.addProperty("title", title);
            json.addProperty("kind", kind);
            json.addProperty("status", status.jsonName());
            json.addProperty("liveVersion", liveVersion);
            json.addProperty("draftPending", draftPending);
            json.addProperty("updated", Instant.ofEpochMilli(updatedMs).toString());
            return json;
        }
    }

    private FormList() {
    }

    /** Every form of the account, by key. */
    public static List<Entry> of(long account, FormStore forms, FormDrafts drafts) throws SQLException {
        Map<String, FormDrafts.Draft> pending = drafts.list(account).stream()
                .collect(Collectors.toMap(FormDrafts.Draft::key, Function.identity()));
        List<Entry> entries = new ArrayList<>();
        for (FormStore.FormRow row : forms.overview(account)) {
            FormDrafts.Draft draft = pending.remove(row.key());
            Optional<StoredForm> latest = forms.latest(account, row.key());
            String title = draft != null ? text(draft.definition(), "title", row.key())
                    : latest.map(f -> f.definition().title()).orElse(row.key());
            String kind = draft != null ? text(draft.definition(), "kind", "")
                    : latest.map(f -> f.definition().kind().jsonName()).orElse("");
            entries.add(new Entry(row.key(), title, kind, row.archived() ? Status.ARCHIVED : Status.LIVE, row.version(),
                    draft != null, Math.max(row.updatedMs(), draft == null ? 0 : draft.updatedMs())));
        }
        for (FormDrafts.Draft draft : pending.values()) {
            entries.add(new Entry(draft.key(), text(draft.definition(), "title", draft.key()),
                    text(draft.definition(), "kind", ""), Status.DRAFT, 0, true, draft.updatedMs()));
        }
        entries.sort(Comparator.comparing(Entry::key));
        return entries;
    }

    private static String text(JsonObject json, String member, String otherwise) {
        return json.has(member) && json.get(member).isJsonPrimitive() && !json.get(member).getAsString().isBlank()
                ? json.get(member).getAsString() : otherwise;
    }
}
