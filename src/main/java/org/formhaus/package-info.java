/**
 * Formhaus wired together: {@code FormhausApp} builds every part from the validated {@code AppConfig} and mounts its
 * {@code Routes} table (path → servlet) on a servlet context; {@code Stores} opens every store on one database;
 * {@code Main} and {@code EmbeddedServer} run it standalone, {@code FormhausInitializer} in any Servlet 6 container;
 * {@code Sandbox} runs the onOffice simulator in-process and is the only class outside {@code org.formhaus.simulator}
 * that refers to it. The only package that knows every other; it holds no business rules.
 */
package org.formhaus;
