package org.formhaus.simulator;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.formhaus.onoffice.ApiRight;

/**
 * The simulator's own field catalogue, written for it: German field names as onOffice uses them, types, German and
 * English labels and permitted values keyed by internal keys. Immutable after construction.
 */
final class SimCatalogue {

    private final Map<String, Map<String, SimField>> modules = new LinkedHashMap<>();

    SimCatalogue() {
        address();
        estate();
        searchCriteria();
        agentsLog();
        task();
        calendar();
    }

    private void address() {
        String m = "address";
        add(f(m, "Anrede", "singleselect", null, "Anrede", "Title", "adressen")
                .withValues("Herr:Herr:Mr.", "Frau:Frau:Mrs.", "Firma:Firma:Company", "Familie:Familie:Family",
                        "Eheleute:Eheleute:Spouses"));
        add(f(m, "Titel", "varchar", 40, "Titel", "Academic title", "adressen"));
        add(f(m, "Vorname", "varchar", 100, "Vorname", "First name", "Stammdaten"));
        add(f(m, "Name", "varchar", 100, "Name", "Surname", "Stammdaten"));
        add(f(m, "Zusatz1", "varchar", 100, "Firma", "Company", "Stammdaten"));
        add(f(m, "Briefanrede", "varchar", 200, "Briefanrede", "Letter salutation", "Stammdaten"));
        add(f(m, "Strasse", "varchar", 100, "Straße", "Street", "Stammdaten"));
        add(f(m, "Plz", "varchar", 10, "PLZ", "Postal code", "Stammdaten"));
        add(f(m, "Ort", "varchar", 100, "Ort", "City", "Stammdaten"));
        add(f(m, "Land", "singleselect", null, "Land", "Country", "Stammdaten").withValues(countries()));
        add(f(m, "Email", "varchar", 80, "E-Mail", "E-mail", "Kontakt"));
        add(f(m, "Telefon1", "varchar", 40, "Telefon", "Phone", "Kontakt"));
        add(f(m, "Telefax1", "varchar", 40, "Telefax", "Fax", "Kontakt"));
        add(f(m, "mobile", "varchar", 40, "Mobil", "Mobile", "Kontakt"));
        add(f(m, "Geburtsdatum", "date", null, "Geburtsdatum", "Date of birth", "Stammdaten"));
        add(f(m, "KdNr", "integer", null, "KdNr", "Customer no.", "Stammdaten").gatedBy(ApiRight.EDIT_CUSTOMER_NUMBER));
        add(f(m, "ArtDaten", "multiselect", null, "Kontaktart", "Contact type", "Verwaltung")
                .withValues("Interessent:Interessent:Prospect", "Eigentuemer:Eigentümer:Owner", "Kunde:Kunde:Customer",
                        "Tippgeber:Tippgeber:Tipster", "Privatkontakt:Privatkontakt:Private contact",
                        "indMulti1Select1:Bauträger:Property developer"));
        add(f(m, "HerkunftKontakt", "multiselect", null, "Herkunft Kontakt", "Origin of contact", "Verwaltung")
                .withValues("Immobilienportal:Immobilienportal:Real estate portal",
                        "eigene-Homepage:Eigene Homepage:Own homepage", "Empfehlung:Empfehlung:Recommendation",
                        "Zeitungsanzeige:Zeitungsanzeige:Newspaper ad", "Tippgeber:Tippgeber:Tipster",
                        "Werbung:Werbung:Advertising"));
        add(f(m, "Benutzer", "varchar", 50, "Betreuer", "Advisor", "Verwaltung").gatedBy(ApiRight.CHANGE_SUPERVISOR));
        add(f(m, "Status", "singleselect", null, "Status", "Status", "Verwaltung")
                .withValues("1:aktiv:active", "0:archiviert:archived"));
        add(f(m, "newsletter_aktiv", "singleselect", null, "Newsletter", "Newsletter", "Verwaltung")
                .withValues("0:Nein:No", "1:Ja:Yes", "2:Abgemeldet:Cancelled", "3:DOI ausstehend:DOI pending",
                        "4:Keine Angabe:Not specified"));
        add(f(m, "DSGVOStatus", "singleselect", null, "DSGVO-Status", "GDPR status", "Verwaltung")
                .withValues("speicherungzugestimmt:Speicherung zugestimmt:Storage agreed",
                        "speicherungnichtzugestimmt:Speicherung nicht zugestimmt:Storage not agreed",
                        "keineAngabe:Keine Angabe:Not specified"));
        add(f(m, "homepage_veroeffentlichen", "boolean", null, "Auf Homepage veröffentlichen", "Publish on website",
                "Verwaltung"));
        add(f(m, "Bemerkung", "text", null, "Bemerkung", "Remark", "Verwaltung"));
        add(f(m, "Aenderung", "date", null, "Letzte Änderung", "Last modified", "Verwaltung"));
        add(f(m, "Hobbys", "text", null, "Hobbys", "Hobbies", "AddressOther1").gatedBy(ApiRight.ADDRESS_OTHER1));
        add(f(m, "Sonstiges1", "varchar", 200, "Sonstiges 1", "Other 1", "AddressOther1").gatedBy(ApiRight.ADDRESS_OTHER1));
    }

    private void estate() {
        String m = "estate";
        add(f(m, "Id", "integer", null, "Datensatznr", "Record no.", "ObjTech"));
        add(f(m, "objektnr_extern", "varchar", 50, "Externe Objnr", "External property no.", "ObjTech")
                .gatedBy(ApiRight.EDIT_EXTERNAL_PROPERTY_NUMBER));
        add(f(m, "objekttitel", "varchar", 200, "Objekttitel", "Property title", "ObjFreitexte"));
        add(f(m, "objektbeschreibung", "text", null, "Objektbeschreibung", "Description", "ObjFreitexte"));
        add(f(m, "objektart", "singleselect", null, "Objektart", "Property class", "ObjKategorie")
                .withValues("haus:Haus:House", "wohnung:Wohnung:Apartment", "grundstueck:Grundstück:Site",
                        "buero_praxen:Büro/Praxen:Offices", "einzelhandel:Einzelhandel:Retail", "zimmer:Zimmer:Rooms"));
        add(f(m, "objekttyp", "singleselect", null, "Objekttyp", "Property type", "ObjKategorie")
                .withValues("einfamilienhaus:Einfamilienhaus:Detached house", "doppelhaushaelfte:Doppelhaushälfte:Semi-detached house",
                        "reihenhaus:Reihenhaus:Terraced house", "etage:Etagenwohnung:Floor apartment",
                        "dachgeschoss:Dachgeschoss:Attic flat", "penthouse:Penthouse:Penthouse"));
        add(f(m, "nutzungsart", "multiselect", null, "Nutzungsart", "Type of use", "ObjKategorie")
                .withValues("wohnen:Wohnen:Residential", "gewerbe:Gewerbe:Commercial", "anlage:Anlage:Investment",
                        "waz:Wohnen auf Zeit:Temporary living"));
        add(f(m, "vermarktungsart", "singleselect", null, "Vermarktungsart", "Type of transaction", "ObjKategorie")
                .withValues("kauf:Kauf:Purchase", "miete:Miete:Rent", "pacht:Pacht:Lease", "erbpacht:Erbpacht:Long lease"));
        add(f(m, "kaufpreis", "float", null, "Kaufpreis", "Purchase price", "ObjPreise"));
        add(f(m, "kaltmiete", "float", null, "Kaltmiete", "Basic rent", "ObjPreise"));
        add(f(m, "warmmiete", "float", null, "Warmmiete", "Rent incl. heating", "ObjPreise"));
        add(f(m, "wohnflaeche", "float", null, "Wohnfläche", "Living space", "ObjFlaechen"));
        add(f(m, "grundstuecksflaeche", "float", null, "Grundstücksfläche", "Plot area", "ObjFlaechen"));
        add(f(m, "nutzflaeche", "float", null, "Nutzfläche", "Usable area", "ObjFlaechen"));
        add(f(m, "anzahl_zimmer", "float", null, "Anzahl Zimmer", "Number of rooms", "ObjFlaechen"));
        add(f(m, "anzahl_balkone", "float", null, "Anzahl Balkone", "Number of balconies", "ObjFlaechen"));
        add(f(m, "baujahr", "integer", null, "Baujahr", "Year of construction", "ObjZustand"));
        add(f(m, "strasse", "varchar", 100, "Straße", "Street", "ObjGeo"));
        add(f(m, "hausnummer", "varchar", 20, "Hausnummer", "House number", "ObjGeo"));
        add(f(m, "plz", "varchar", 10, "PLZ", "Postal code", "ObjGeo"));
        add(f(m, "ort", "varchar", 100, "Ort", "Town", "ObjGeo"));
        add(f(m, "land", "singleselect", null, "Land", "Country", "ObjGeo").withValues(countries()));
        add(f(m, "breitengrad", "float", null, "Breitengrad", "Latitude", "ObjGeo"));
        add(f(m, "laengengrad", "float", null, "Längengrad", "Longitude", "ObjGeo"));
        add(f(m, "veroeffentlichen", "boolean", null, "Veröffentlichen", "Publish", "ObjVerwaltung")
                .gatedBy(ApiRight.ALLOW_LISTING_ON_WEBSITE, ApiRight.MARKETING_WEBSITE));
        add(f(m, "top_angebot", "boolean", null, "Top-Angebot", "Top listing", "ObjVerwaltung")
                .gatedBy(ApiRight.MARKETING_TOP_LISTING));
        add(f(m, "referenz", "boolean", null, "Referenz", "Reference", "ObjVerwaltung")
                .gatedBy(ApiRight.MARKETING_REFERENCE));
        add(f(m, "status", "singleselect", null, "Status", "Status", "ObjVerwaltung")
                .withValues("1:Aktiv:Active", "2:Ausstehend:Pending", "0:Archiviert:Archived")
                .gatedBy(ApiRight.EDIT_PROPERTY_STATUS));
        add(f(m, "verkauft", "boolean", null, "Verkauft/Vermietet", "Sold/rented", "ObjVerwaltung"));
        add(f(m, "reserviert", "boolean", null, "Reserviert", "Reserved", "ObjVerwaltung"));
        add(f(m, "benutzer", "integer", null, "Betreuer", "Advisor", "ObjVerwaltung").gatedBy(ApiRight.CHANGE_SUPERVISOR));
        add(f(m, "geaendert_am", "date", null, "Geändert am", "Modified on", "ObjVerwaltung"));
    }

    private void searchCriteria() {
        String m = "searchcriteria";
        add(f(m, "vermarktungsart", "singleselect", null, "Vermarktungsart", "Type of transaction", "Kategorie")
                .withValues("kauf:Kauf:Purchase", "miete:Miete:Rent", "pacht:Pacht:Lease"));
        add(f(m, "objektart", "multiselect", null, "Objektart", "Property class", "Kategorie")
                .withValues("haus:Haus:House", "wohnung:Wohnung:Apartment", "grundstueck:Grundstück:Site",
                        "buero_praxen:Büro/Praxen:Offices"));
        add(f(m, "objekttyp", "multiselect", null, "Objekttyp", "Property type", "Kategorie")
                .withValues("einfamilienhaus:Einfamilienhaus:Detached house", "etage:Etagenwohnung:Floor apartment",
                        "reihenhaus:Reihenhaus:Terraced house"));
        add(f(m, "kaufpreis", "float", null, "Kaufpreis", "Purchase price", "Preise").range());
        add(f(m, "kaltmiete", "float", null, "Kaltmiete", "Basic rent", "Preise").range());
        add(f(m, "warmmiete", "float", null, "Warmmiete", "Rent incl. heating", "Preise").range());
        add(f(m, "wohnflaeche", "float", null, "Wohnfläche", "Living space", "Flaechen").range());
        add(f(m, "grundstuecksflaeche", "float", null, "Grundstücksfläche", "Plot area", "Flaechen").range());
        add(f(m, "anzahl_zimmer", "float", null, "Anzahl Zimmer", "Number of rooms", "Flaechen").range());
        add(f(m, "plz", "varchar", 10, "PLZ", "Postal code", "Geografische-Angaben"));
        add(f(m, "ort", "varchar", 100, "Ort", "Town", "Geografische-Angaben"));
        add(f(m, "krit_bemerkung_oeffentlich", "text", null, "Bemerkung", "Remark", "Sonstiges"));
    }

    private void agentsLog() {
        String m = "agentsLog";
        add(f(m, "Aktionsart", "singleselect", null, "Aktionsart", "Kind of action", "agentslog")
                .withValues("Email:E-Mail:Email", "Anruf:Anruf:Call", "Termin:Termin:Appointment",
                        "Brief:Brief:Letter", "Kontaktaufnahme:Kontaktaufnahme:Contact", "Sonstiges:Sonstiges:Other"));
        add(f(m, "Aktionstyp", "varchar", 100, "Aktionstyp", "Action type", "agentslog"));
        add(f(m, "Datum", "date", null, "Datum", "Date", "agentslog"));
        add(f(m, "Bemerkung", "text", null, "Bemerkung", "Remark", "agentslog"));
        add(f(m, "Dauer", "integer", null, "Dauer", "Duration", "agentslog"));
        add(f(m, "Beratungsebene", "singleselect", null, "Beratungsebene", "Advisory level", "agentslog")
                .withValues("A:A:A", "B:B:B", "C:C:C", "D:D:D", "E:E:E", "F:F:F", "G:G:G"));
    }

    private void task() {
        String m = "task";
        add(f(m, "Betreff", "varchar", 200, "Betreff", "Subject", "task"));
        add(f(m, "Aufgabe", "text", null, "Aufgabe", "Task", "task"));
        add(f(m, "Prio", "singleselect", null, "Priorität", "Priority", "task")
                .withValues("1:Sehr hoch:Very high", "2:Hoch:High", "3:Normal:Normal", "4:Niedrig:Low", "5:Sehr niedrig:Very low"));
        add(f(m, "Status", "singleselect", null, "Status", "Status", "task")
                .withValues("1:Offen:Open", "2:In Bearbeitung:In progress", "3:Erledigt:Done", "4:Abgelehnt:Declined",
                        "5:Zurückgestellt:Deferred", "6:Warten:Waiting", "7:Delegiert:Delegated", "8:Archiviert:Archived"));
        add(f(m, "Art", "integer", null, "Art", "Type", "task"));
        add(f(m, "Verantwortung", "varchar", 50, "Verantwortung", "Responsibility", "task"));
        add(f(m, "Bearbeiter", "varchar", 50, "Bearbeiter", "Processor", "task"));
        add(f(m, "Deadline", "date", null, "Deadline", "Deadline", "task"));
        add(f(m, "Deadline_strikt", "boolean", null, "Deadline strikt", "Strict deadline", "task"));
        add(f(m, "Beginnt_am", "date", null, "Beginnt am", "Starts on", "task"));
        add(f(m, "Kommentar", "text", null, "Kommentar", "Comment", "task"));
    }

    private void calendar() {
        String m = "calendar";
        add(f(m, "description", "varchar", 200, "Betreff", "Subject", "calendar"));
        add(f(m, "start_dt", "date", null, "Beginn", "Start", "calendar"));
        add(f(m, "end_dt", "date", null, "Ende", "End", "calendar"));
        add(f(m, "art", "singleselect", null, "Terminart", "Kind of appointment", "calendar")
                .withValues("Besichtigung:Besichtigung:Viewing", "Beratung:Beratung:Consultation",
                        "Objektaufnahme:Objektaufnahme:Property acquisition", "Notartermin:Notartermin:Notary appointment"));
        add(f(m, "ganztags", "boolean", null, "Ganztags", "All day", "calendar"));
        add(f(m, "note", "text", null, "Notiz", "Note", "calendar"));
        add(f(m, "private", "boolean", null, "Privat", "Private", "calendar"));
        add(f(m, "status", "singleselect", null, "Status", "Status", "calendar")
                .withValues("active:Aktiv:Active", "completed:Erledigt:Completed", "canceled:Abgesagt:Cancelled",
                        "participantsAvailable:Teilnehmer verfügbar:Participants available"));
        add(f(m, "erinnerung", "varchar", 30, "Erinnerung", "Reminder", "calendar"));
        add(f(m, "von", "varchar", 50, "Von", "By", "calendar"));
    }

    private static String[] countries() {
        return new String[]{"DEU:Deutschland:Germany", "AUT:Österreich:Austria", "CHE:Schweiz:Switzerland",
                "NLD:Niederlande:Netherlands", "BEL:Belgien:Belgium", "FRA:Frankreich:France", "ESP:Spanien:Spain"};
    }

    private static SimField f(String module, String name, String type, Integer length, String de, String en, String table) {
        return new SimField(module, name, type, length, de, en, table, null, false, Map.of());
    }

    private void add(SimField field) {
        modules.computeIfAbsent(field.module(), k -> new LinkedHashMap<>()).put(field.name(), field);
    }

    Optional<SimField> field(String module, String name) {
        return Optional.ofNullable(modules.getOrDefault(module, Map.of()).get(name));
    }

    Map<String, SimField> module(String module) {
        return modules.getOrDefault(module, Map.of());
    }

    /** records of GET fields: one per requested module, elements = label + field name → description. */
    JsonArray fieldsRecords(List<String> requested, String language, boolean labels) {
        JsonArray records = new JsonArray();
        for (String module : requested.isEmpty() ? new ArrayList<>(modules.keySet()) : requested) {
            if (!modules.containsKey(module) || module.equals("searchcriteria")) continue;
            JsonObject elements = new JsonObject();
            if (labels) elements.addProperty("label", moduleLabel(module, language));
            for (SimField f : modules.get(module).values()) {
                JsonObject d = new JsonObject();
                d.addProperty("type", f.type());
                if (f.length() == null) d.add("length", JsonNull.INSTANCE); else d.addProperty("length", f.length());
                d.add("permittedvalues", f.select() ? values(f, language) : JsonNull.INSTANCE);
                d.add("default", JsonNull.INSTANCE);
                if (labels) d.addProperty("label", f.label(language));
                d.addProperty("tablename", f.table());
                d.add("content", JsonNull.INSTANCE);
                elements.add(f.name(), d);
            }
            JsonObject rec = new JsonObject();
            rec.addProperty("id", module);
            rec.addProperty("type", "");
            rec.add("elements", elements);
            records.add(rec);
        }
        return records;
    }

    /** records of GET searchCriteriaFields: one per category with its fields. */
    JsonArray searchCriteriaRecords(String language) {
        Map<String, JsonArray> categories = new LinkedHashMap<>();
        int position = 1;
        for (SimField f : module("searchcriteria").values()) {
            JsonObject d = new JsonObject();
            d.addProperty("id", f.name());
            d.addProperty("name", f.label(language));
            d.addProperty("position", position++);
            d.addProperty("type", f.select() ? f.type() : "urn:onoffice-de-ns:smart:2.5:dbAccess:dataType:" + f.type());
            if (f.rangeField()) d.addProperty("rangefield", true);
            if (f.select()) {
                d.add("default", JsonNull.INSTANCE);
                d.add("values", values(f, language));
            }
            categories.computeIfAbsent(f.table(), k -> new JsonArray()).add(d);
        }
        JsonArray records = new JsonArray();
        int id = 0;
        for (Map.Entry<String, JsonArray> e : categories.entrySet()) {
            JsonObject elements = new JsonObject();
            elements.addProperty("name", e.getKey());
            elements.add("fields", e.getValue());
            JsonObject rec = new JsonObject();
            rec.addProperty("id", id++);
            rec.addProperty("type", "");
            rec.add("elements", elements);
            records.add(rec);
        }
        return records;
    }

    private static JsonObject values(SimField f, String language) {
        JsonObject v = new JsonObject();
        f.values().forEach((k, labels) -> v.addProperty(k, "ENG".equalsIgnoreCase(language) ? labels[1] : labels[0]));
        return v;
    }

    private static String moduleLabel(String module, String language) {
        boolean en = "ENG".equalsIgnoreCase(language);
        return switch (module) {
            case "address" -> en ? "Addresses" : "Adressen";
            case "estate" -> en ? "Properties" : "Immobilien";
            case "agentsLog" -> en ? "Agent's log" : "Aktivitäten";
            case "task" -> en ? "Tasks" : "Aufgaben";
            case "calendar" -> en ? "Appointments" : "Termine";
            default -> module;
        };
    }
}
