/**
 * Secrets at rest: the master key (from configuration, the environment or a key file, never from the database) and
 * the AES-GCM box that seals the onOffice secrets, Marketplace claims and signing keys Formhaus stores. Knows no
 * database: {@code storage} seals and opens its columns with a {@link org.formhaus.secrets.SecretBox}.
 */
package org.formhaus.secrets;
