package org.formhaus.storage;

/** A database failure where a checked {@link java.sql.SQLException} cannot travel (inside lambdas). */
public class StorageException extends RuntimeException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
