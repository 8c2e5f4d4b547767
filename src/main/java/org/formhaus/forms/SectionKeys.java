package org.formhaus.forms;

import com.google.gson.JsonElement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys of the definition's sections that other packages give meaning to: {@code onoffice} (read by
 * {@code mapping.MappingOptions} and {@code mail.ResponsibleAgent}), {@code emails} ({@code mail.FormEmails}) and
 * {@code protection} ({@code web.FormProtection}).
 * Their values are judged there when a form is saved; their keys are listed here, so that a definition being saved
 * is refused for a key nobody reads ({@code onoffice.task.usr: unknown key 'usr'}), like any other unknown key. A key
 * those readers learn must be added here too (the README's examples are parsed by a test). Stateless.
 */
final class SectionKeys {

    private static final Keys ONOFFICE = Keys.of("newsletter", // newsletter: #16, whose double opt-in
                    "relations", "project", "priceOffer") // #12: mapping.RecordLinks
            // duplicates (#12): an object, or one of the strings of earlier versions (keep, update, create)
            .with("duplicates", Keys.of("match", "update").orText())
            .with("routing", Keys.of("rule", "user", "users").withList("postcodes",
                    Keys.of("from", "to", "prefix", "user")))
            .with("activity", Keys.of("actionkind", "actiontype").orTrueFalse())
            .with("task", Keys.of("user", "subject", "priority", "deadlineDays").orTrueFalse())
            .with("appointment", Keys.of("as", "durationMinutes", "art", "user")
                    .with("slots", Keys.of("daysAhead", "weekdays", "from", "to", "slotMinutes", "bufferMinutes",
                            "count").orTrueFalse()))
            // mapping.RecordLinks (#12): relations, project, price offer, written values, live-CRM rules
            .withList("writeValues", Keys.of("from", "to"))
            .withList("liveRules", Keys.of("field", "compare", "record", "plus", "message"));
    private static final Keys ATTACH = Keys.of("uploads", "expose", "documents");
    private static final Keys EMAILS = Keys.of("from", "addressCompletion")
            .with("confirmation", Keys.of("enabled", "subject", "body", "templateid", "cc", "bcc", "replyToVisitor",
                    "repeatFields").with("attach", ATTACH))
            .with("notice", Keys.of("enabled", "to", "subject", "body", "templateid", "cc", "bcc", "replyToVisitor")
                    .with("attach", ATTACH))
            .withList("more", Keys.of("enabled", "to", "subject", "body", "templateid", "cc", "bcc", "replyToVisitor")
                    .with("attach", ATTACH));
    // protection.* (web.FormProtection, protection.Protection): closedMessage's languages are judged there.
    private static final Keys PROTECTION = Keys.of("proofOfWork", "password", "allowedIps", "opensAt", "closesAt",
            "maxSubmissions", "oneTimeKeys", "closedMessage");

    private SectionKeys() {
    }

    /** Reads the sections' keys of a definition being saved; a lenient reader only marks them known. */
    static void read(ObjectReader definition) {
        check(definition, "onoffice", ONOFFICE);
        check(definition, "emails", EMAILS);
        check(definition, "protection", PROTECTION);
    }

    private static void check(ObjectReader parent, String member, Keys keys) {
        JsonElement raw = parent.raw(member);
        if (raw == null || raw.isJsonNull() || !parent.strict()) {
            return;
        }
        if (!raw.isJsonObject()) {
            boolean flag = raw.isJsonPrimitive() && raw.getAsJsonPrimitive().isBoolean();
            if (keys.text && raw.isJsonPrimitive() && raw.getAsJsonPrimitive().isString()) {
                return; // judged by the section's reader
            }
            if (!keys.trueFalse || !flag) {
                parent.problem(member, keys.trueFalse ? "must be true, false or an object" : "must be an object");
            }
            return;
        }
        read(parent.object(member), keys);
    }

    private static void read(ObjectReader section, Keys keys) {
        keys.values.forEach(section::has);
        keys.sections.forEach((name, inner) -> check(section, name, inner));
        keys.lists.forEach((name, inner) -> {
            JsonElement list = section.raw(name);
            if (list == null || !list.isJsonArray()) {
                return; // the section's reader judges a value that is not a list
            }
            for (int i = 0; i < list.getAsJsonArray().size(); i++) {
                JsonElement item = list.getAsJsonArray().get(i);
                if (item.isJsonObject()) {
                    read(section.child(item.getAsJsonObject(), section.at(name) + "[" + i + "]"), inner);
                }
            }
        });
        section.refuseUnread();
    }

    /**
     * A section's plain keys, its inner sections and its lists of sections; {@code trueFalse}: the section may be
     * given as true or false.
     */
    private record Keys(List<String> values, Map<String, Keys> sections, Map<String, Keys> lists, boolean trueFalse,
                        boolean text) {

        static Keys of(String... values) {
            return new Keys(List.of(values), Map.of(), Map.of(), false, false);
        }

        Keys with(String name, Keys inner) {
            Map<String, Keys> all = new LinkedHashMap<>(sections);
            all.put(name, inner);
            return new Keys(values, all, lists, trueFalse, text);
        }

        Keys withList(String name, Keys inner) {
            Map<String, Keys> all = new LinkedHashMap<>(lists);
            all.put(name, inner);
            return new Keys(values, sections, all, trueFalse, text);
        }

        Keys orTrueFalse() {
            return new Keys(values, sections, lists, true, text);
        }

        /** The section may be given as a string its reader judges (a value of an earlier version). */
        Keys orText() {
            return new Keys(values, sections, lists, trueFalse, true);
        }
    }
}
