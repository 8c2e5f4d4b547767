package org.formhaus.admin;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.formhaus.connection.Feature;
import org.formhaus.forms.Field;
import org.formhaus.forms.FieldType;
import org.formhaus.forms.FormDefinition;
import org.formhaus.forms.FormKind;
import org.formhaus.mail.FormMailUse;
import org.formhaus.mapping.FormWrites;

/**
 * What an account's forms need from onOffice, so the connection check can tell a missing right that breaks a form
 * from one no form uses. Stateless.
 */
final class FormFeatures {

    private FormFeatures() {
    }

    static Set<Feature> of(Collection<FormDefinition> forms, boolean sendsEmail) {
        Set<Feature> features = EnumSet.of(Feature.USERS);
        for (FormDefinition form : forms) {
            features.addAll(of(form, sendsEmail));
        }
        if (sendsEmail) {
            features.add(Feature.EMAIL);
        }
        return features;
    }

    /** What one form needs: from its kind, the fields it maps and what it does (user fields, e-mails). */
    static Set<Feature> of(FormDefinition form, boolean sendsEmail) {
        // onOffice's setup guides call "Read user data via API" mandatory: responsible agents, tasks and user fields.
        Set<Feature> features = EnumSet.of(Feature.USERS);
        if (sendsEmail) {
            features.add(Feature.EMAIL);
        }
        switch (form.kind()) {
            case CONTACT, APPOINTMENT, CUSTOM -> { }
            case INQUIRY -> features.add(Feature.ESTATE_READ);
            case OWNER, VALUATION -> features.add(Feature.ESTATE_WRITE);
            case SEARCHPROFILE -> features.add(Feature.SEARCH_CRITERIA);
            case NEWSLETTER -> features.add(Feature.EMAIL);
        }
        if (form.kind() != FormKind.CUSTOM) {
            features.add(Feature.ADDRESS); // every starter kind writes the visitor's address
        }
        // What the mapper writes besides the mapped fields, by the form's "onoffice" options.
        if (FormWrites.activity(form)) features.add(Feature.ACTIVITY);
        if (FormWrites.task(form)) features.add(Feature.TASK);
        if (FormWrites.appointment(form)) features.add(Feature.APPOINTMENT);
        if (FormWrites.project(form)) features.add(Feature.PROJECT);
        if (FormWrites.priceOffer(form)) features.addAll(Set.of(Feature.ADDRESS, Feature.ESTATE_WRITE));
        if (FormWrites.readsEstate(form)) features.add(Feature.ESTATE_READ);
        FormWrites.writtenFields(form).forEach(maps -> features.addAll(forMapping(maps)));
        if (FormMailUse.emailTemplates(form)) features.addAll(Set.of(Feature.EMAIL, Feature.EMAIL_TEMPLATES));
        for (Field field : form.fields()) {
            if (field.type() == FieldType.USERSELECT) {
                features.add(Feature.USERS);
            }
            if (field.maps() != null) {
                features.addAll(forMapping(field.maps()));
            }
        }
        return features;
    }

    static Set<Feature> forMapping(String maps) {
        String module = maps.substring(0, maps.indexOf('.'));
        String field = maps.substring(maps.indexOf('.') + 1);
        Set<Feature> features = EnumSet.noneOf(Feature.class);
        switch (module) {
            case "address" -> features.add(Feature.ADDRESS);
            // estate.Id names the estate an inquiry is about: read, not written
            case "estate" -> features.add(field.equals("Id") ? Feature.ESTATE_READ : Feature.ESTATE_WRITE);
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
        if (module.equals("estate")) {
            switch (field) {
                case "veroeffentlichen" -> features.addAll(Set.of(Feature.ESTATE_LISTING, Feature.MARKETING_WEBSITE));
                case "top_angebot" -> features.add(Feature.TOP_LISTING);
                case "referenz" -> features.add(Feature.REFERENCE_PROPERTY);
                case "status" -> features.add(Feature.PROPERTY_STATUS);
                case "objektnr_extern" -> features.add(Feature.EXTERNAL_NUMBER);
                default -> { }
            }
        }
        return features;
    }
}
