package org.formhaus.forms;

/**
 * What the validator needs to know of an uploaded file: its name, its media type as {@link FileTypes#detect} told it
 * from the bytes (never the type the browser declared), and its size.
 */
public record FileInput(String fileName, String contentType, long size) {
}
