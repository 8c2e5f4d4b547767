/**
 * Talking to onOffice enterprise: the signed request envelope, batching of actions, typed results and errors
 * classified as retryable or permanent. Knows nothing about forms or the database.
 * The {@code sandbox} sub-package holds the simulator used by tests and by {@code --sandbox}; production code
 * never depends on it.
 */
package org.formhaus.onoffice;
