/**
 * Talking to onOffice enterprise: the signed request envelope, batching of actions, typed results and errors
 * classified as retryable or permanent, the cached account metadata (fields, users) and the rights catalogue. Knows
 * nothing about forms or the database. The simulator that sandbox mode and tests use is the top-level package
 * {@code simulator}, and it uses only this package's wire vocabulary.
 */
package org.formhaus.onoffice;
