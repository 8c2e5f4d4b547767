package org.formhaus.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.formhaus.forms.Field;
import org.formhaus.forms.FieldOption;
import org.formhaus.forms.FieldType;
import org.formhaus.forms.Messages;
import org.formhaus.forms.Values;
import org.formhaus.http.Json;

/**
 * What the form template needs of one field: definition, current value(s), error, and the rules form.js checks
 * before sending (as JSON in {@code data-fh-rules}), mirroring {@link org.formhaus.forms.FormValidator}.
 */
final class FieldView {

    private FieldView() {
    }

    static Map<String, Object> of(Field f, Object value, String error, Messages t, LocalDate today) {
        Map<String, Object> v = new HashMap<>();
        List<String> selected = Values.list(value);
        String id = "fh-" + f.name();
        v.put("name", f.name());
        v.put("id", id);
        v.put("type", f.type().jsonName());
        v.put("inputType", inputType(f.type()));
        v.put("numeric", f.type().numeric());
        v.put("label", f.label());
        v.put("required", f.required());
        v.put("value", f.type() == FieldType.RANGE ? "" : selected.isEmpty() ? "" : selected.get(0));
        v.put("selected", selected);
        List<?> ends = value instanceof List<?> l && l.size() == 2 && f.type() == FieldType.RANGE ? l : List.of("", "");
        v.put("from", String.valueOf(ends.get(0)));
        v.put("to", String.valueOf(ends.get(1)));
        v.put("error", error == null ? "" : error);
        v.put("help", f.help() == null ? "" : f.help());
        v.put("placeholder", f.placeholder() == null ? "" : f.placeholder());
        v.put("autocomplete", autocomplete(f));
        v.put("options", f.options());
        v.put("width", f.width().jsonName());
        v.put("unit", unit(f));
        v.put("focusId", switch (f.type()) {
            case RADIO, CHECKBOXES -> id + "-0";
            case RANGE -> id + "-from";
            default -> id;
        });
        if (f.maxLength() != null) v.put("maxLength", f.maxLength());
        String minDate = date(f.minDate(), today);
        String maxDate = date(f.maxDate(), today);
        // a datetime-local input's limits carry a time of day: the whole first and last day
        boolean withTime = f.type() == FieldType.DATETIME;
        if (minDate != null) v.put("minDate", withTime ? minDate + "T00:00" : minDate);
        if (maxDate != null) v.put("maxDate", withTime ? maxDate + "T23:59" : maxDate);
        v.put("accept", String.join(",", f.accept().stream().map(a -> a.contains("/") ? a : "." + a).toList()));
        v.put("fileHint", fileHint(f, t));
        List<String> described = new ArrayList<>();
        if (f.help() != null) described.add(id + "-help");
        if (!v.get("fileHint").toString().isEmpty()) described.add(id + "-hint");
        if (error != null && !error.isEmpty()) described.add(id + "-error");
        v.put("describedBy", String.join(" ", described));
        if (f.showIf() != null) {
            v.put("showIfField", f.showIf().field());
            v.put("showIfValues", Json.GSON.toJson(f.showIf().values()));
        }
        v.put("rules", rules(f, minDate, maxDate, t));
        return v;
    }

    /** The client-side copy of the server's rules for this field. */
    private static String rules(Field f, String minDate, String maxDate, Messages t) {
        JsonObject r = new JsonObject();
        r.addProperty("type", f.type().jsonName());
        if (f.required()) r.addProperty("required", true);
        if (f.minLength() != null) r.addProperty("minLength", f.minLength());
        if (f.maxLength() != null) r.addProperty("maxLength", f.maxLength());
        if (f.pattern() != null) r.addProperty("pattern", f.pattern());
        if (f.min() != null) r.addProperty("min", f.min().toPlainString());
        if (f.max() != null) r.addProperty("max", f.max().toPlainString());
        if (f.step() != null) r.addProperty("step", f.step().toPlainString());
        if (minDate != null) {
            r.addProperty("minDate", minDate);
            r.addProperty("minDateText", displayDate(minDate, t));
        }
        if (maxDate != null) {
            r.addProperty("maxDate", maxDate);
            r.addProperty("maxDateText", displayDate(maxDate, t));
        }
        if (f.maxBytes() != null) {
            r.addProperty("maxBytes", f.maxBytes());
            r.addProperty("maxBytesText", org.formhaus.forms.FormValidator.megabytes(f.maxBytes()));
        }
        if (!f.accept().isEmpty()) {
            JsonArray accept = new JsonArray();
            f.accept().forEach(accept::add);
            r.add("accept", accept);
        }
        if (!f.options().isEmpty() && (f.type().hasOptions() || f.type() == FieldType.USERSELECT)) {
            JsonArray options = new JsonArray();
            f.options().stream().map(FieldOption::value).forEach(options::add);
            r.add("options", options);
        }
        return Json.GSON.toJson(r);
    }

    private static String date(String spec, LocalDate today) {
        return spec == null ? null : spec.equals("today") ? today.toString() : spec;
    }

    private static String displayDate(String iso, Messages t) {
        return t.language().equals("de") ? LocalDate.parse(iso).format(java.time.format.DateTimeFormatter
                .ofPattern("dd.MM.uuuu")) : iso;
    }

    private static String fileHint(Field f, Messages t) {
        if (f.type() != FieldType.FILE) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (f.maxBytes() != null) parts.add(t.get("form.fileHint", org.formhaus.forms.FormValidator.megabytes(f.maxBytes())));
        if (!f.accept().isEmpty()) parts.add(t.get("form.fileTypes", String.join(", ", f.accept())));
        return String.join("; ", parts);
    }

    private static String unit(Field f) {
        if (f.unit() != null) {
            return f.unit();
        }
        return switch (f.type()) {
            case CURRENCY -> "€";
            case AREA -> "m²";
            default -> "";
        };
    }

    private static String inputType(FieldType type) {
        return switch (type) {
            case EMAIL -> "email";
            case PHONE -> "tel";
            case DATE -> "date";
            case DATETIME -> "datetime-local";
            // Numbers as text with a decimal keypad: "1.234,5" is a valid German entry a number input would refuse.
            default -> "text";
        };
    }

    /** Browser autofill hints for the onOffice address fields visitors fill most. */
    private static String autocomplete(Field f) {
        if (f.maps() == null) {
            return "";
        }
        return switch (f.maps()) {
            case "address.Vorname" -> "given-name";
            case "address.Name" -> "family-name";
            case "address.Email" -> "email";
            case "address.Telefon1", "address.mobile" -> "tel";
            case "address.Strasse" -> "street-address";
            case "address.Plz" -> "postal-code";
            case "address.Ort" -> "address-level2";
            default -> "";
        };
    }
}
