/**
 * Who may open and send a form, and when: a definition's {@code protection} section (password, allowed addresses,
 * opening hours, a limit of submissions, one-time keys), read from the definition ({@link
 * org.formhaus.protection.Protection}), its secrets hashed at save ({@link org.formhaus.protection.ProtectionSecrets})
 * and judged per visitor ({@link org.formhaus.protection.ProtectionGate}). Knows no HTTP; what must hold over every
 * instance is counted in the database ({@code storage.ProtectionStore}).
 */
package org.formhaus.protection;
