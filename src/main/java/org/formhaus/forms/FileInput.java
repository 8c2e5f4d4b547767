package org.formhaus.forms;

/** What the validator needs to know of an uploaded file: its name, declared media type and size. */
public record FileInput(String fileName, String contentType, long size) {
}
