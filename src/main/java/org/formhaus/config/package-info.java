/** Configuration: read once at start-up from formhaus.properties and FORMHAUS_* environment variables, then frozen. */
package org.formhaus.config;
