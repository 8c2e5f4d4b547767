package org.formhaus.storage;

/** A form key already used by another account; keys are global because they appear in public URLs. */
public class FormKeyTakenException extends Exception {
    public FormKeyTakenException(String key) {
        super("The form key '" + key + "' is already in use");
    }
}
