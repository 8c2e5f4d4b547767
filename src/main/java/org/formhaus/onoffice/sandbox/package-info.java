/**
 * An in-memory onOffice enterprise simulator speaking onOffice's API format, for the sandbox mode, local development
 * and tests. Production code never depends on this package.
 */
package org.formhaus.onoffice.sandbox;
