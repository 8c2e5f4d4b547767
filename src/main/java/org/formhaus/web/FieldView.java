package org.formhaus.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.formhaus.forms.Field;
import org.formhaus.forms.FieldType;
import org.formhaus.forms.FormDefinition;

/** What the form template needs of each field: definition, current value(s) and error, as a plain map. */
final class FieldView {

    private FieldView() {
    }

    static List<Map<String, Object>> of(FormDefinition form, Map<String, Object> values, Map<String, String> errors) {
        List<Map<String, Object>> views = new ArrayList<>();
        for (Field f : form.fields()) {
            Map<String, Object> v = new HashMap<>();
            Object value = values.get(f.name());
            List<String> selected = FormServlet.list(value);
            v.put("name", f.name());
            v.put("type", f.type().jsonName());
            v.put("inputType", inputType(f.type()));
            v.put("label", f.label());
            v.put("required", f.required());
            v.put("value", selected.isEmpty() ? "" : selected.get(0));
            v.put("selected", selected);
            v.put("error", errors.getOrDefault(f.name(), ""));
            v.put("help", f.help() == null ? "" : f.help());
            v.put("placeholder", f.placeholder() == null ? "" : f.placeholder());
            v.put("autocomplete", autocomplete(f));
            v.put("options", f.options());
            if (f.maxLength() != null) v.put("maxLength", f.maxLength());
            if (f.min() != null) v.put("min", f.min().toPlainString());
            if (f.max() != null) v.put("max", f.max().toPlainString());
            if (f.step() != null) v.put("step", f.step().toPlainString());
            views.add(v);
        }
        return views;
    }

    private static String inputType(FieldType type) {
        return switch (type) {
            case EMAIL -> "email";
            case PHONE -> "tel";
            case NUMBER, CURRENCY, AREA, RANGE -> "number";
            case DATE -> "date";
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
