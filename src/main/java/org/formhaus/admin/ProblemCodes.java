package org.formhaus.admin;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.formhaus.forms.DefinitionException;

/**
 * Names the problems of the server's definition check so that the builder can show them in the admin's language:
 * each English message the parser and the save-time checks write is matched against a known sentence, giving a code
 * and the message's variable parts ({@code unknown key 'lable'} → {@code unknownKey}, {@code ["lable"]}); the texts are
 * {@code problem.<code>} in admin_de/admin_en.properties, with {@code {0}}, {@code {1}} for the parts. The API keeps
 * its English {@code message} and gains {@code code} and {@code params}; a message no sentence matches has no code and
 * is shown as it is. Immutable and thread-safe.
 *
 * <pre>{@code
 * ProblemCodes.json(new Problem("fields[0].lable", "unknown key 'lable'"))
 *   → {"place": "fields[0].lable", "message": "unknown key 'lable'", "code": "unknownKey", "params": ["lable"]}
 * }</pre>
 */
public final class ProblemCodes {

    /** One known sentence; its groups are the parameters. */
    record Sentence(String code, Pattern pattern) {
    }

    /** A message read: its code and its variable parts. */
    public record Coded(String code, List<String> params) {
    }

    private static final List<Sentence> SENTENCES = new ArrayList<>();

    static {
        // Keys and shapes (ObjectReader, the section readers)
        s("unknownKey", "unknown key '(.+)'");
        s("unknownKeyOf", "unknown key; known: (.+)");
        s("mustBeBoolean", "must be true or false");
        s("mustBeTrue", "must be true");
        s("mustBeNumber", "must be a number");
        s("mustBeWhole", "must be a whole number");
        s("mustBeWholeRange", "must be a whole number from (-?\\d+) to (\\d+)");
        s("notNegative", "must not be negative");
        s("mustBeDate", "must be a date YYYY-MM-DD or 'today'");
        s("mustBeObject", "must be an object");
        s("mustBeArray", "must be an array");
        s("mustBeNonEmptyArray", "must be a non-empty array");
        s("mustBeNonEmptyText", "must be a non-empty (?:text|value)");
        s("notAllowedValue", "is not an allowed value");
        // The form
        s("keyChars", "must be 1-100 characters of a-z, 0-9, '-' or '_'");
        s("unknownKind", "unknown kind '(.*)'; one of (.+)");
        s("language", "must be 'de' or 'en'");
        s("tooManyFields", "at most (\\d+) fields");
        s("contextValue", "'(.*)' is not one of page, utm, referrer");
        // Each field
        s("nameChars", "must start with a letter or '_' and hold only letters, digits and '_'");
        s("duplicateName", "duplicate field name '(.+)'");
        s("unknownType", "unknown field type '(.*)'; one of (.+)");
        s("mapsFormat", "must be <module>.<field> with module one of (.+)");
        s("fileMaps", "a file is attached to the address or the estate: address.file or estate.file");
        s("noValueToMap", "a (\\w+) carries no value to map");
        s("cannotBeRequired", "a (\\w+) carries no value and cannot be required");
        s("optionsFromValue", "must be 'onoffice'");
        s("optionsFromType", "only select, radio and checkboxes fields take options");
        s("optionsFromNeedsMaps", "needs 'maps': the onOffice field whose permitted values are the options");
        s("optionsOrOptionsFrom", "give either options or optionsFrom");
        s("needsOptions", "a (\\w+) field needs options \\(or \"optionsFrom\": \"onoffice\"\\)");
        s("duplicateOption", "duplicate option value '(.*)'");
        s("optionShape", "must be a non-empty string or \\{\"value\", \"label\"\\}");
        s("notAnOption", "'(.*)' is not an option of '(.*)'");
        s("hiddenEvery", "hides every option; at least one must stay");
        s("hiddenShape", "must be an array of option values");
        s("hiddenType", "only select, radio and checkboxes fields have options to hide");
        s("widthValue", "must be full or half");
        s("widthWholeRow", "a (\\w+) always takes the whole row");
        s("notForType", "a (\\w+) field does not take '(\\w+)'");
        s("greaterThan", "is greater than (\\w+)");
        s("afterMaxDate", "is after maxDate");
        s("exceedsLimit", "exceeds the limit (\\d+) of a (\\w+) field");
        s("stepPositive", "must be greater than 0");
        s("badPattern", "is not a valid regular expression");
        s("acceptValue", "'(.*)' is neither a file extension \\(pdf, .jpg\\) nor a media type \\(image/\\*, application/pdf\\)");
        s("hiddenRequired", "a required hidden field needs a default or prefill, the visitor cannot fill it");
        s("breakAlone", "a break must be followed by the fields of its step");
        s("showIfShape", "must be \\{\"field\": NAME, \"equals\": VALUE\\}, .*");
        s("showIfOneOf", "give only one of 'equals', 'in' and 'filled'");
        s("showIfNeeds", "needs 'equals', 'in' or \"filled\": true");
        s("showIfIn", "must be a non-empty array of values");
        s("noSuchField", "no field named '(.+)'");
        s("mustNameField", "must name a field");
        s("selfDependent", "a field cannot depend on itself");
        s("noValueToTest", "'(.+)' is a (\\w+) and has no value to test");
        s("neverValue", "'(.+)' can never be '(.*)' \\((?:not one of its options|a ticked consent is 'yes')\\)");
        s("cycle", "conditions form a cycle through '(.+)'");
        s("translationLanguage", "a translation is into (.+), not the form's own language");
        // The save-time check against the account's onOffice fields
        s("noOnOfficeField", "onOffice has no (\\w+) field '([^']+)'; did you mean '([^']+)'\\?");
        s("noOnOfficeFieldAtAll", "onOffice has no (\\w+) field '([^']+)'");
        s("onOfficeType", "onOffice field (\\S+) is of type (\\w+); a (\\w+) field cannot fill it \\(use one of (.+)\\)");
        s("notPermitted", "'(.*)' is not a permitted value of onOffice field (\\S+) \\(permitted: (.*)\\)");
        s("noOnOfficeUser", "onOffice has no user '(.+)'");
    }

    private ProblemCodes() {
    }

    private static void s(String code, String regex) {
        SENTENCES.add(new Sentence(code, Pattern.compile(regex, Pattern.DOTALL)));
    }

    /** Every code known, in the order the sentences are tried (for the texts' fence test). */
    static List<Sentence> sentences() {
        return List.copyOf(SENTENCES);
    }

    /** The code and parts of {@code message}, if it is a known sentence. */
    public static Optional<Coded> read(String message) {
        for (Sentence s : SENTENCES) {
            Matcher m = s.pattern().matcher(message);
            if (m.matches()) {
                List<String> params = new ArrayList<>();
                for (int i = 1; i <= m.groupCount(); i++) {
                    params.add(m.group(i) == null ? "" : m.group(i));
                }
                return Optional.of(new Coded(s.code(), List.copyOf(params)));
            }
        }
        return Optional.empty();
    }

    /**
     * {@code place: text} in the language of {@code texts} (the admin UI's messages); a message without a code, or
     * without a text for its code, stays English.
     */
    public static String text(DefinitionException.Problem p, java.util.Map<String, String> texts) {
        String message = read(p.message()).map(coded -> {
            String text = texts.get("problem." + coded.code());
            if (text == null) {
                return p.message();
            }
            for (int i = 0; i < coded.params().size(); i++) {
                text = text.replace("{" + i + "}", coded.params().get(i));
            }
            return text;
        }).orElse(p.message());
        return p.place() + ": " + message;
    }

    /** A problem as the admin API answers it: place, English message, and code and params when known. */
    public static JsonObject json(DefinitionException.Problem p) {
        JsonObject problem = new JsonObject();
        problem.addProperty("place", p.place());
        problem.addProperty("message", p.message());
        read(p.message()).ifPresent(coded -> {
            problem.addProperty("code", coded.code());
            JsonArray params = new JsonArray();
            coded.params().forEach(params::add);
            problem.add("params", params);
        });
        return problem;
    }
}
