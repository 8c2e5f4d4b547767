package org.formhaus.mapping;

/** A submission that cannot be written to onOffice as mapped (e.g. a value its field cannot hold); permanent. */
public class MappingException extends RuntimeException {
    public MappingException(String message) {
        super(message);
    }
}
