package org.formhaus.onoffice;

/** A user of the onOffice account as GET users lists it; {@code username} is what Benutzer/Bearbeiter/von expect. */
public record OnOfficeUser(String id, String username, String firstname, String lastname, String email) {

    public String displayName() {
        String name = ((firstname == null ? "" : firstname) + " " + (lastname == null ? "" : lastname)).strip();
        return name.isEmpty() ? username : name;
    }
}
