package org.formhaus.onoffice;

/** The six onOffice action URNs. */
public enum ActionKind {
    READ, CREATE, MODIFY, GET, DO, DELETE;

    private static final String PREFIX = "urn:onoffice-de-ns:smart:2.5:smartml:action:";

    public String urn() {
        return PREFIX + name().toLowerCase(java.util.Locale.ROOT);
    }

    /** @throws IllegalArgumentException when the URN is not one of the six */
    public static ActionKind fromUrn(String urn) {
        if (urn != null && urn.startsWith(PREFIX)) {
            for (ActionKind kind : values()) {
                if (kind.urn().equals(urn)) {
                    return kind;
                }
            }
        }
        throw new IllegalArgumentException("Unknown actionid '" + urn + "'");
    }
}
