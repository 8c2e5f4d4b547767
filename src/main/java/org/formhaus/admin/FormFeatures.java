package org.formhaus.admin;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.formhaus.connection.Feature;
import org.formhaus.forms.Field;
import org.formhaus.forms.FieldType;
import org.formhaus.forms.FormDefinition;

/**
 * What an account's forms need from onOffice, so the connection check can tell a missing right that breaks a form
 * from one no form uses. Stateless.
 */
final class FormFeatures {

    private FormFeatures() {
    }

    static Set<Feature> of(Collection<FormDefinition> forms, boolean sendsEmail) {
        // onOffice's setup guides call "Read user data via API" mandatory: responsible agents, tasks and user fields.
        Set<Feature> features = EnumSet.of(Feature.USERS);
        if (sendsEmail) {
            features.add(Feature.EMAIL);
        }
        for (FormDefinition form : forms) {
            switch (form.kind()) {
                case CONTACT -> features.addAll(Set.of(Feature.ADDRESS, Feature.ACTIVITY));
                case INQUIRY -> features.addAll(Set.of(Feature.ADDRESS, Feature.ACTIVITY, Feature.ESTATE_READ));
                case OWNER, VALUATION -> features.addAll(Set.of(Feature.ADDRESS, Feature.ESTATE_WRITE, Feature.ACTIVITY,
                        Feature.TASK));
                case SEARCHPROFILE -> features.addAll(Set.of(Feature.ADDRESS, Feature.SEARCH_CRITERIA));
                case APPOINTMENT -> features.addAll(Set.of(Feature.ADDRESS, Feature.APPOINTMENT));
                case NEWSLETTER -> features.addAll(Set.of(Feature.ADDRESS, Feature.EMAIL));
                case CUSTOM -> { }
            }
            for (Field field : form.fields()) {
                if (field.type() == FieldType.USERSELECT) {
                    features.add(Feature.USERS);
                }
                if (field.maps() != null) {
                    features.addAll(forMapping(field.maps()));
                }
            }
        }
        return features;
    }

    private static Set<Feature> forMapping(String maps) {
        String module = maps.substring(0, maps.indexOf('.'));
        String field = maps.substring(maps.indexOf('.') + 1);
        Set<Feature> features = EnumSet.noneOf(Feature.class);
        switch (module) {
            case "address" -> features.add(Feature.ADDRESS);
            case "estate" -> features.add(Feature.ESTATE_WRITE);
            case "searchcriteria" -> features.add(Feature.SEARCH_CRITERIA);
            case "agentslog" -> features.add(Feature.ACTIVITY);
            case "task" -> features.add(Feature.TASK);
            case "calendar" -> features.add(Feature.APPOINTMENT);
            default -> { }
        }
        if (field.equalsIgnoreCase("Benutzer")) {
            features.add(Feature.SUPERVISOR);
        }
        if (field.equals("KdNr")) {
            features.add(Feature.CUSTOMER_NUMBER);
        }
        return features;
    }
}
