/**
 * Formhaus wired together: {@code FormhausApp} builds every part from the configuration and mounts it on a servlet
 * context; {@code Main} and {@code EmbeddedServer} run it standalone, {@code FormhausInitializer} in any Servlet 6
 * container; {@code Sandbox} runs the onOffice simulator in-process and is the only class outside
 * {@code org.formhaus.simulator} that refers to it.
 */
package org.formhaus;
